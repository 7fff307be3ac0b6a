using System.Diagnostics.Metrics;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// The stream's lag as metrics on the console's meter, per stream (<c>syslog</c>, <c>syslog-checkpoints</c>, <c>otlp</c>,
/// …): <c>airisk.audit.stream.lag</c> (seconds since the oldest undelivered record) and <c>airisk.audit.stream.behind</c>.
/// </summary>
internal sealed class AuditStreamMetrics
{
    public AuditStreamMetrics(IMeterFactory meters, AuditStreamStatus status)
    {
        var meter = meters.Create(AIRisk.Core.Telemetry.ConsoleTelemetry.Name);
        meter.CreateObservableGauge("airisk.audit.stream.lag",
            () => status.Lags.Select(l => new Measurement<double>(l.OldestUndelivered.TotalSeconds, new KeyValuePair<string, object?>("stream", l.Stream))),
            "s", "Age of the oldest audit record (or checkpoint) a stream has not delivered; 0 when it is up to date.");
        meter.CreateObservableGauge("airisk.audit.stream.behind",
            () => status.Lags.Select(l => new Measurement<long>(l.Behind, new KeyValuePair<string, object?>("stream", l.Stream))),
            "{record}", "Audit records (or checkpoints) a stream has not delivered yet.");
    }
}
