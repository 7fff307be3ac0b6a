using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// Looks at the audit trail's health every few seconds on every node: the streams' lag (read from the shared outbox)
/// and the chain's last self-check (as <c>/healthz</c> learns them). A problem is one episode from the moment this node
/// sees it until it sees it gone, and one critical alert: raised unless another node raised it already (both nodes
/// see the same outbox, and the same chain within one verify interval, so an alert of the same key within that
/// interval is the same episode).
/// </summary>
internal sealed partial class AuditHealthWatch(
    AuditStreamStatus streams,
    AuditChainStatus chain,
    AuditHealthRule rule,
    IDetectionFacts facts,
    AlertRaiser raiser,
    DetectionOptions options,
    AuditChainOptions chainOptions,
    TimeProvider time,
    ILogger<AuditHealthWatch> logger) : BackgroundService
{
    /// <summary>Who an audit-health alert is about: the console itself, not a staff member.</summary>
    public static AlertPerson Console { get; } = new("airisk-console", "AIRisk Console");

    private readonly HashSet<string> _episodes = [];

    /// <summary>One look now (also what the timer runs).</summary>
    public async Task CheckAsync(CancellationToken ct)
    {
        var found = rule.Findings(streams.Lags, chain.Last).ToList();
        _episodes.IntersectWith(found.Select(f => f.Key));
        var starting = found.Where(f => !_episodes.Contains(f.Key)).ToList();
        if (starting.Count == 0)
            return;

        var since = time.GetUtcNow() - chainOptions.VerifyInterval - options.AuditHealthInterval;
        var raised = await facts.AlertsAsync(Console.Id, since, ct);
        foreach (var finding in starting)
        {
            if (!RaisedAlert.IsNew(finding with { OnceSince = since }, raised) || await raiser.RaiseAsync(finding, Console, session: null))
                _episodes.Add(finding.Key);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.AuditHealthInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception e) when (AuditTrail.IsUnavailable(e))
            {
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for earlier audit-health alerts; looking again at the next interval")]
    private partial void LogFailed(Exception exception);
}
