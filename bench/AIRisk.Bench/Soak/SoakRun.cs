using System.Diagnostics;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.Core.Api;
using AIRisk.Sandbox.Faults;
using AIRisk.Web.Alerts;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Bench.Soak;

/// <summary>
/// The soak test (<c>--soak</c>, not part of the default run): 50 circuits switch users, load their workspace and
/// sometimes stop acting, for 10 minutes, while 5 % of AIRisk requests (OAuth and chat) fail at random. Each circuit
/// is a support engineer of their own working a few tickets (<see cref="SupportDesk"/>). Reports unhandled errors
/// (goal 0), managed memory growth after warm-up (goal ≤ 10 %), audit records lost (goal 0) and alerts raised with the
/// default rules (goal 0: a support desk's ordinary pattern is not abuse).
/// </summary>
public sealed class SoakRun(BenchSettings settings)
{
    private const double FaultRate = 0.05;

    private static readonly (string Path, FaultKind Kind, int Status)[] Faults =
    [
        ("/api/oauth2", FaultKind.Status, 500),
        ("/api/oauth2/Token", FaultKind.Status, 500),
        ("/api/oauth2/Token", FaultKind.HtmlPage, 502),
        ("/api/oauth2/Token", FaultKind.MalformedJson, 200),
        ("/api/Chat/ListAgents", FaultKind.Problem, 401),
        ("/api/Chat/ListAgents", FaultKind.MalformedJson, 200),
        ("/api/Chat/GetConversations", FaultKind.HtmlPage, 502),
        ("/api/Chat/GetConversations", FaultKind.Drop, 500),
    ];

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        var duration = TimeSpan.FromMinutes(settings.SoakMinutes);
        await using var sandbox = await BenchSandbox.StartAsync(settings.Latency, TimeSpan.FromMilliseconds(settings.LatencyMs / 2.0), ct: ct);
        await using var services = new DashboardServices(sandbox);
        var audit = services.Services.GetRequiredService<IAuditTrail>();
        var circuits = Enumerable.Range(0, settings.SoakCircuits).Select(_ => services.NewCircuit()).ToList();
        var tally = new SoakTally();
        try
        {
            await Task.WhenAll(circuits.Select(c => c.WarmUpAsync(ct)));
            sandbox.State.Requests.Clear();
            sandbox.State.Faults.FailRandomly(FaultRate, Faults);
            var start = Stopwatch.GetTimestamp();
            var memory = new MemoryTrack(start, warmUp: TimeSpan.FromSeconds(Math.Min(60, duration.TotalSeconds / 5)));
            var traffic = new TrafficCount(sandbox.State.Requests);
            // The sandbox shares this process: its request log is emptied before each sample so it does not count as growth.
            using var sampler = new Timer(_ =>
            {
                traffic.Drain();
                memory.Sample();
            }, null, TimeSpan.Zero, TimeSpan.FromSeconds(5));

            await Task.WhenAll(circuits.Select((c, i) => RunCircuitAsync(c, i, sandbox, start, duration, tally, ct)));

            traffic.Drain();
            memory.Sample();
            var recorded = (await audit.QueryAsync(new AuditQuery(Take: 1), ct)).Total;
            var (alerts, raised) = await services.Services.GetRequiredService<AlertStore>().PageAsync(0, 1000, ct);
            report.Add(new Figure("soak_alerts_raised", raised, "", Goal.Max(0, "")));
            foreach (var (rule, count) in alerts.GroupBy(a => a.Alert.Rule).Select(g => (g.Key, g.Count())))
                FigureReport.Note($"soak alerts: {count} x {rule}");
            report.Add(new Figure("soak_operations", tally.Operations, ""));
            report.Add(new Figure("soak_failed_switches", tally.FailedSwitches, ""));
            report.Add(new Figure("soak_handled_errors", tally.Handled, ""));
            report.Add(new Figure("soak_unhandled_errors", tally.Unhandled.Count, "", Goal.Max(0, "")));
            report.Add(new Figure("soak_memory_growth_pct", memory.GrowthPercent, "%", Goal.Max(10, "%")) { Decimals = 1 });
            report.Add(new Figure("soak_memory_change_abs_pct", Math.Abs(memory.GrowthPercent), "%", Goal.Max(10, "%")) { Decimals = 1 });
            report.Add(new Figure("soak_lost_audit_records", Math.Max(0, tally.ExpectedAuditRecords - (recorded - raised)), "", Goal.Max(0, "")));
            FigureReport.Note($"soak: {settings.SoakCircuits} circuits for {duration.TotalMinutes:0.#} min, {FaultRate:P0} of OAuth and chat requests " +
                              $"failing at random (about {traffic.Failed} of {traffic.Total} requests failed); switches {tally.Switches}, stops {tally.Stops}; audit rows {recorded} " +
                              $"for {tally.ExpectedAuditRecords} expected; managed memory after warm-up (median of 6 samples) {memory.Baseline / 1048576.0:0.00} MB, " +
                              $"at end {memory.Last / 1048576.0:0.00} MB, peak {memory.Peak / 1048576.0:0.00} MB; samples every 5 s after a full GC");
            foreach (var (reason, count) in tally.FailureReasons.Take(5))
                FigureReport.Note($"soak failed switches: {count} x {reason}");
            foreach (var error in tally.Unhandled.Distinct().Take(5))
                FigureReport.Note($"soak unhandled: {error}");
        }
        finally
        {
            foreach (var circuit in circuits)
                await circuit.DisposeAsync();
        }
    }

    private static async Task RunCircuitAsync(
        DashboardServices.Circuit circuit, int index, BenchSandbox sandbox, long start, TimeSpan duration, SoakTally tally, CancellationToken ct)
    {
        var random = new Random(index);
        var desk = new SupportDesk(sandbox, random);
        // A support engineer of their own (the fan-out rules count per staff member), all of one local console.
        circuit.Staff.Current = new StaffMember($"soak-staff-{index}", $"Soak staff {index}", new HashSet<string>(StringComparer.OrdinalIgnoreCase), IsLocal: true);
        while (Stopwatch.GetElapsedTime(start) < duration && !ct.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500 + random.Next(1000)), ct);
            try
            {
                if (circuit.Tokens.Current.IsActing && random.NextDouble() < 0.1)
                {
                    await circuit.Ender.EndAsync(SessionEndCause.Stopped);
                    tally.Stop();
                    continue;
                }

                var switched = await circuit.Acting.SwitchAsync(desk.Next(), ct: ct);
                // A switch that applies is recorded as ActAs/Succeeded; one AIRisk failed as ActAs/Failed.
                tally.Switch(applied: switched, recorded: switched || circuit.LastError is not null, reason: circuit.LastError);
                if (switched)
                {
                    await Task.WhenAll(
                        circuit.Chat.ListAgentsAsync(ct),
                        circuit.Chat.ListConversationsAsync(new ConversationQuery(), ct));
                }
            }
            catch (AIRiskApiException)
            {
                // What the workspace shows as an error message: handled by design.
                tally.HandledError();
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The boundary of one simulated circuit's action: anything else is an unhandled error.
                tally.UnhandledError($"{e.GetType().Name}: {e.Message}");
            }
        }
    }
}
