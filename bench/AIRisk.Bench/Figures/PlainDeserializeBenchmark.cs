using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The baseline of <c>listusers_parse_vs_stj</c>: what a developer would write first for the same 100,000-user
/// payload, <see cref="JsonSerializer.Deserialize{TValue}(Stream, JsonSerializerOptions?)"/> into a list of plain
/// records, measured in the same process on the same bytes.
/// </summary>
public class PlainDeserializeBenchmark
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() => _json = UserListJson.Bytes;

    [Benchmark]
    public async Task<int> Deserialize()
    {
        using var stream = new MemoryStream(_json, writable: false);
        var users = await JsonSerializer.DeserializeAsync<List<PlainUser>>(stream, Web);
        return users!.Count;
    }

    public sealed record PlainUser(string Id, string? DisplayName, string? UserName, string? Email, string? FirstName, string? LastName, string? Role, string? CompanyId, string? Company);
}
