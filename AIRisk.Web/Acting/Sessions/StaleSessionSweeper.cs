using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Ends the sessions no node has seen for longer than the closed-tab grace plus a margin (cause: node lost): their node
/// crashed or was stopped, and its closed-tab ends, kept in memory, went with it. Every node sweeps; the store's end is
/// conditional, so each session gets exactly one end record however many sweep it.
/// </summary>
public sealed partial class StaleSessionSweeper(
    IActingSessionStore sessions,
    IOptions<ConsolePolicyOptions> policy,
    TimeProvider time,
    ILogger<StaleSessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SessionLeaseTiming.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (AuditUnavailableException e)
            {
                LogSweepFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many sessions this sweep ended.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ended = 0;
        foreach (var session in await sessions.FindUnseenAsync(now - policy.Value.TabClosedGrace - SessionLeaseTiming.SweepMargin, ct))
        {
            var record = session.Entry(AuditAction.Stop, AuditOutcome.Succeeded, now) with
            {
                Detail = "node lost: no node has seen its tab since " + (session.Lease?.SeenUtc ?? session.StartedUtc).ToString("O"),
            };
            if (await sessions.EndAsync(session.Id, session.Lease?.CircuitId, now, SessionEndCause.NodeLost, record, [], ct))
                ended++;
        }

        if (ended > 0)
            LogSwept(ended);
        return ended;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended {Count} acting sessions no node had seen (cause: node lost)")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping unseen acting sessions failed: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
