using AIRisk.Core.Api;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>Parsing ListUsers for 100,000 users, from bytes in memory, the way Core reads the response stream.</summary>
public class ListUsersBenchmark
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() => _json = UserListJson.Bytes;

    [Benchmark]
    public async Task<int> Parse()
    {
        using var stream = new MemoryStream(_json, writable: false);
        var users = await UserListReader.ReadAsync(stream, CancellationToken.None);
        return users.Count;
    }
}
