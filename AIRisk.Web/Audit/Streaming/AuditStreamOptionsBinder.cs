using AIRisk.Core.Configuration;
using AIRisk.Web.Hosting.Telemetry;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>Reads <c>AUDIT_SYSLOG</c> and the stream's other keys; every malformed value is kept for the validator.</summary>
internal static class AuditStreamOptionsBinder
{
    public static void Bind(IConfiguration configuration, AuditStreamOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        if (values.Text(AuditStreamOptions.SyslogKey) is { } syslog)
        {
            options.Syslog = SyslogDestination.Parse(syslog, out var problem);
            if (problem is not null)
                options.BindingErrors.Add($"{AuditStreamOptions.SyslogKey} {problem} (got '{syslog}').");
        }

        options.SyslogCaFile = values.Text(AuditStreamOptions.SyslogCaFileKey);
        options.LagDegradedAfter = TimeSpan.FromSeconds(values.WholeNumber(AuditStreamOptions.LagDegradedSecondsKey, 60, 1, 86_400));
        options.RetryMinimum = values.Seconds(AuditStreamOptions.RetryMinimumSecondsKey, options.RetryMinimum, 3_600);
        options.RetryMaximum = values.Seconds(AuditStreamOptions.RetryMaximumSecondsKey, options.RetryMaximum, 86_400);
        options.Lease = values.Seconds(AuditStreamOptions.LeaseSecondsKey, options.Lease, 3_600);
        options.Otlp = values.Text(TelemetryOptions.OtlpEndpointKey) is not null;
        options.OtlpLogs = OtlpLogsEndpoint.Read(configuration, options.BindingErrors);
        if (options.RetryMaximum < options.RetryMinimum)
            options.BindingErrors.Add($"{AuditStreamOptions.RetryMaximumSecondsKey} must be at least {AuditStreamOptions.RetryMinimumSecondsKey}.");
    }
}
