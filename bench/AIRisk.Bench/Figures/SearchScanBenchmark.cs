using AIRisk.Core.Api;
using AIRisk.Web.Services.Users;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>
/// The floor of <c>search_vs_scan</c>: one vectorized IndexOf over the folded text of the same 100,000 users for a
/// term that never matches, the least any search of that text can cost on this machine.
/// </summary>
public class SearchScanBenchmark
{
    public const string NeverFound = "qxz";

    private UserSearchIndex _index = default!;

    [GlobalSetup]
    public async Task Setup()
    {
        using var stream = new MemoryStream(UserListJson.Bytes, writable: false);
        _index = new UserSearchIndex(await UserListReader.ReadAsync(stream, CancellationToken.None));
        if (Scan() >= 0)
            throw new InvalidOperationException($"'{NeverFound}' occurs in the users' text; the floor needs a term that never does.");
    }

    [Benchmark]
    public int Scan() => _index.Text.IndexOf(NeverFound);
}
