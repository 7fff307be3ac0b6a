using System.Collections.Concurrent;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>Each stream's lag as this node last read it from the outbox (every node reads it, sending or not).</summary>
public sealed class AuditStreamStatus
{
    private readonly ConcurrentDictionary<string, AuditStreamLag> _lags = new();

    public IReadOnlyList<AuditStreamLag> Lags => [.. _lags.Values.OrderBy(l => l.Stream, StringComparer.Ordinal)];

    internal void Report(AuditStreamLag lag) => _lags[lag.Stream] = lag;
}
