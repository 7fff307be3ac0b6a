namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Where the audit trail is streamed off the host (a SIEM's syslog receiver, and OTLP when the OpenTelemetry exporter is
/// configured) and how hard the outbox tries: it never gives up on a record, it only waits longer between attempts.
/// </summary>
public sealed class AuditStreamOptions
{
    public const string SyslogKey = "AUDIT_SYSLOG";
    public const string SyslogCaFileKey = "AUDIT_SYSLOG_CA_FILE";
    public const string LagDegradedSecondsKey = "AUDIT_STREAM_LAG_DEGRADED_SECONDS";
    public const string RetryMinimumSecondsKey = "AUDIT_STREAM_RETRY_MIN_SECONDS";
    public const string RetryMaximumSecondsKey = "AUDIT_STREAM_RETRY_MAX_SECONDS";
    public const string LeaseSecondsKey = "AUDIT_STREAM_LEASE_SECONDS";

    /// <summary>The syslog receiver; <c>null</c> when the trail is not sent to one.</summary>
    public SyslogDestination? Syslog { get; set; }

    /// <summary>A PEM file of the CA certificates that may sign the receiver's TLS certificate, instead of the system's store.</summary>
    public string? SyslogCaFile { get; set; }

    /// <summary>An undelivered record older than this makes <c>/healthz</c> Degraded.</summary>
    public TimeSpan LagDegradedAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait after a failed delivery; it doubles up to <see cref="RetryMaximum"/>, and attempts never stop.</summary>
    public TimeSpan RetryMinimum { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaximum { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a node holds a destination without renewing it; another node takes over after that.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether anything is streamed at all.</summary>
    public bool Enabled => Syslog is not null || Otlp;

    /// <summary>Whether the trail also goes out as OTLP log records (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).</summary>
    public bool Otlp { get; set; }

    /// <summary>Where the OTLP log records go (<see cref="OtlpLogsEndpoint"/>); <c>null</c> without OTLP or when its keys are malformed.</summary>
    public OtlpLogsEndpoint? OtlpLogs { get; set; }

    /// <summary>How often the outbox looks for new records when it is idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Records sent in one write; the cursor moves after each batch is written.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a connect or a write may take before the attempt counts as failed.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
