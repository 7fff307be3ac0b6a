using System.Runtime.Intrinsics;

namespace AIRisk.Bench.Support;

/// <summary>
/// The CPU model and the vector extensions it offers, from <c>/proc/cpuinfo</c>, and the widest vectors .NET uses:
/// the search and parse figures scale with both, so every run records them.
/// </summary>
public static class CpuInfo
{
    private static readonly string[] VectorFlags = ["sse4_2", "avx", "avx2", "avx512f", "avx512bw", "avx512vl", "asimd", "sve", "sve2"];

    public static string Describe()
    {
        var lines = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").ToList() : [];
        var model = Value(lines, "model name") ?? Value(lines, "Model") ?? "unknown model";
        var flags = (Value(lines, "flags") ?? Value(lines, "Features") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var vector = VectorFlags.Where(flags.Contains).ToList();
        var width = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        return $"{model}; {(vector.Count > 0 ? string.Join(' ', vector) : "no vector flags listed")}; .NET vectors {width}-bit";
    }

    private static string? Value(List<string> lines, string key) =>
        lines.Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
}
