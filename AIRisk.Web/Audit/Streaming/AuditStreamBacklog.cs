namespace AIRisk.Web.Audit.Streaming;

/// <summary>One stream as the outbox holds it: its failures since it last delivered, and what it has not delivered yet.</summary>
/// <param name="Attempts">Failed attempts since the last delivery; 0 while the destination takes everything.</param>
/// <param name="LastError">Why the last attempt failed; <c>null</c> once a delivery succeeded.</param>
/// <param name="NextAttempt">When the next attempt may be made (the backoff), if one is waiting.</param>
/// <param name="OldestUndelivered">When the oldest record the stream has not delivered was recorded; <c>null</c> when none.</param>
/// <param name="Counted">Records of the counted action (alerts) the stream has not delivered.</param>
public sealed record AuditStreamBacklog(
    string Stream, int Attempts, string? LastError, DateTimeOffset? LastAttempt, DateTimeOffset? NextAttempt, DateTimeOffset? OldestUndelivered, int Counted);
