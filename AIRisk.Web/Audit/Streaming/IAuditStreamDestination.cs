namespace AIRisk.Web.Audit.Streaming;

/// <summary>Somewhere the audit trail is streamed to (a syslog receiver, OTLP).</summary>
public interface IAuditStreamDestination
{
    /// <summary>The destination's name in <c>audit_delivery</c>, metrics and <c>/healthz</c>: <c>syslog</c>, <c>otlp</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Hands <paramref name="items"/> (in sequence order) to the destination; returns once it took them. Throws
    /// <see cref="AuditStreamUnavailableException"/> when it did not, and the same items are sent again later.
    /// </summary>
    Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct);
}
