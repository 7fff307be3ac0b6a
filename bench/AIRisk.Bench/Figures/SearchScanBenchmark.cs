using AIRisk.Core.Api;
using AIRisk.Web.Services.Users;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The floor of <c>search_vs_scan</c>: one <c>IndexOf</c> pass over the snapshot's folded search buffer for a term that
/// occurs nowhere, so the whole buffer is read once. No keystroke can cost less on this machine.
/// </summary>
public class SearchScanBenchmark
{
    private UserDirectorySnapshot _snapshot = default!;

    [GlobalSetup]
    public async Task Setup()
    {
        using var stream = new MemoryStream(UserListJson.Bytes, writable: false);
        var users = await UserListReader.ReadAsync(stream, CancellationToken.None);
        _snapshot = new UserDirectorySnapshot(users, DateTimeOffset.UtcNow);
    }

    [Benchmark]
    public int Scan() => _snapshot.Search.Scan("qzxjq");
}
