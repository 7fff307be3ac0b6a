using AIRisk.Core.Api;
using AIRisk.Web.Users;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The floor of <c>search_vs_scan</c>: one vectorized IndexOf over the snapshot's whole folded search text (every
/// region) for a term that occurs nowhere, so every char is read once: what reading that text costs on this machine.
/// </summary>
public class SearchScanBenchmark
{
    public const string NeverFound = "qzxjq";

    private UserDirectorySnapshot _snapshot = default!;

    [GlobalSetup]
    public async Task Setup()
    {
        using var stream = new MemoryStream(UserListJson.Bytes, writable: false);
        _snapshot = new UserDirectorySnapshot(await UserListReader.ReadAsync(stream, CancellationToken.None), DateTimeOffset.UtcNow);
        if (Scan() >= 0)
            throw new InvalidOperationException($"'{NeverFound}' occurs in the users' text; the floor needs a term that never does.");
    }

    [Benchmark]
    public int Scan() => _snapshot.Search.Text.IndexOf(NeverFound);
}
