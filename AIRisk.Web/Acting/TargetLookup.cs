using AIRisk.Core.Api;
using AIRisk.Web.Users;

namespace AIRisk.Web.Acting;

/// <summary>
/// The target of a session as AIRisk lists them now, by id, for the checks that decide whether a session may go on
/// (resume, token renewal): the directory's snapshot if it was loaded moments ago, else a fresh load.
/// </summary>
public sealed class TargetLookup(UserDirectoryLoader directory, TimeProvider time)
{
    /// <summary>How old a snapshot may be and still count as fresh (several tabs resuming at once share one load).</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    /// <returns>The user, or <c>null</c> when AIRisk no longer lists them.</returns>
    /// <exception cref="AIRiskApiException">The list could not be loaded: nothing can be checked (fail closed).</exception>
    public async Task<AIRiskUser?> FindAsync(string userId, CancellationToken ct)
    {
        var snapshot = directory.Current is { } current && time.GetUtcNow() - current.LoadedAt < Freshness
            ? current
            : await directory.GetAsync(refresh: true, ct);
        return snapshot.ById.GetValueOrDefault(userId);
    }
}
