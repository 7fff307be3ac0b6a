namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// What the rules read from the shared audit trail (every node's records, never one node's memory). Each method is one
/// indexed query; each throws what the trail throws when the database cannot be reached.
/// </summary>
public interface IDetectionFacts
{
    /// <summary>The users <paramref name="staffId"/> started acting as since <paramref name="since"/>, each once, with its latest start.</summary>
    Task<IReadOnlyList<TargetSeen>> TargetsAsync(string staffId, DateTimeOffset since, CancellationToken ct);

    /// <summary>The sessions <paramref name="staffId"/> started since <paramref name="since"/> (at most 100, the latest).</summary>
    Task<IReadOnlyList<string>> SessionsAsync(string staffId, DateTimeOffset since, CancellationToken ct);

    /// <summary>The act-as attempts refused to <paramref name="staffId"/> since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RefusalSeen>> RefusalsAsync(string staffId, DateTimeOffset since, CancellationToken ct);

    /// <summary>The different conversations viewed in acting session <paramref name="session"/>.</summary>
    Task<int> ConversationsViewedAsync(string session, CancellationToken ct);

    /// <summary>The alerts about <paramref name="staffId"/> raised since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RaisedAlert>> AlertsAsync(string staffId, DateTimeOffset since, CancellationToken ct);

    /// <summary>The alerts raised in acting session <paramref name="session"/>.</summary>
    Task<IReadOnlyList<RaisedAlert>> SessionAlertsAsync(string session, CancellationToken ct);
}
