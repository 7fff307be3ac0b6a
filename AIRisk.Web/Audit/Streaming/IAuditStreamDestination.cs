namespace AIRisk.Web.Audit.Streaming;

/// <summary>Somewhere the audit trail is streamed to (a syslog receiver, OTLP, the alert webhook, email).</summary>
public interface IAuditStreamDestination
{
    /// <summary>The destination's name in <c>audit_delivery</c>, metrics and <c>/healthz</c>: <c>syslog</c>, <c>otlp</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether the signed checkpoints also go to this destination, as a stream of their own (<c>&lt;name&gt;-checkpoints</c>):
    /// a SIEM keeps them as the off-host copy; a destination that only carries alerts has no use for them.
    /// </summary>
    bool SendsCheckpoints => true;

    /// <summary>
    /// Whether alerts reach anyone through this destination: the Alerts page warns when one that does is failing. A
    /// destination that only acts on other records (a ticket's note at a session's end) does not count.
    /// </summary>
    bool CarriesAlerts => true;

    /// <summary>Where the cursor of a stream that has no row in <c>audit_delivery</c> yet starts.</summary>
    AuditStreamStart Start => AuditStreamStart.WholeTrail;

    /// <summary>
    /// Hands <paramref name="items"/> (in sequence order) to the destination; returns once it took them. Throws
    /// <see cref="AuditStreamUnavailableException"/> when it did not, and the same items are sent again later (from
    /// after <see cref="AuditStreamUnavailableException.TakenThroughSeq"/>, when the destination took the first few).
    /// </summary>
    Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct);
}
