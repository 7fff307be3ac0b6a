using AIRisk.Core.Api;
using AIRisk.Web.Users;
using BenchmarkDotNet.Attributes;

namespace AIRisk.Bench.Figures;

/// <summary>
/// One keystroke in the users search over 100,000 users: <see cref="UserDirectorySnapshot.Query"/> with a 3-letter
/// search and the default sort, as the users page runs it. Each invocation uses the next of 64 different 3-letter
/// terms taken from real names, so no two consecutive keystrokes are the same search.
/// </summary>
public class SearchKeystrokeBenchmark
{
    private UserDirectorySnapshot _snapshot = default!;
    private string[] _terms = [];
    private int _next;

    [GlobalSetup]
    public async Task Setup()
    {
        using var stream = new MemoryStream(UserListJson.Bytes, writable: false);
        var users = await UserListReader.ReadAsync(stream, CancellationToken.None);
        _snapshot = new UserDirectorySnapshot(users, DateTimeOffset.UtcNow);
        // The page's first render queries with the default sort, building that order before anyone types.
        _snapshot.Query(new UserQuery());

        var random = new Random(7);
        _terms = [.. Enumerable.Range(0, 64)
            .Select(_ => users[random.Next(users.Count)].DisplayName.Replace(" ", "", StringComparison.Ordinal))
            .Where(name => name.Length >= 5)
            .Select(name => name.Substring(random.Next(name.Length - 3), 3))];
    }

    [Benchmark]
    public int Keystroke() => _snapshot.Query(new UserQuery(Search: _terms[_next++ % _terms.Length])).Matching;
}
