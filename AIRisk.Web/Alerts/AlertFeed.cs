using AIRisk.Web.Audit;

namespace AIRisk.Web.Alerts;

/// <summary>The alert count every auditor's badge shows, live (see <see cref="LiveFeed{T}"/>).</summary>
internal sealed partial class AlertFeed(AlertStore store, TimeProvider time, ILogger<AlertFeed> logger) : LiveFeed<AlertSummary>(AlertSummary.None, time)
{
    protected override Task<AlertSummary> ReadAsync(CancellationToken ct) => store.SummaryAsync(ct);

    protected override void OnUnavailable(AuditUnavailableException exception) => LogUnavailable(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alert count could not be read; badges keep their last count")]
    private partial void LogUnavailable(Exception exception);
}
