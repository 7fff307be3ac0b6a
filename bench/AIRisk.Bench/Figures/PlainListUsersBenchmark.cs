using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The baseline of <c>listusers_parse_vs_stj</c>: the same 100,000-user payload read the way a developer would
/// first write it, <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, JsonSerializerOptions?)"/>
/// into a list of <see cref="PlainUser"/> with the web defaults (camelCase, names matched case-insensitively).
/// Strict (one shape, no fallbacks) and from bytes already in memory, so it is the faster of the plain ways.
/// </summary>
public class PlainListUsersBenchmark
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() => _json = UserListJson.Bytes;

    [Benchmark]
    public int Parse() => JsonSerializer.Deserialize<List<PlainUser>>(_json, JsonSerializerOptions.Web)!.Count;
}
