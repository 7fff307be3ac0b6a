using System.Diagnostics;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Users;
using AIRisk.Web.Workspace.Components;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>rapid_switch_correct</c>: the real ActingBanner and ActingWorkspace rendered with bUnit over the dashboard's real
/// services (one circuit) against the sandbox with jittered latency, so responses come back out of order. Each burst
/// fires overlapping clicks (<c>ActingService.ActAsAsync</c> on the renderer's dispatcher, as a click runs) with
/// small random gaps, waits until the screen settles, and checks that the banner, the token in force and the rendered
/// agents all belong to the burst's last click. The figure is the fraction of bursts that end right; every frame
/// rendered on the way is audited too (<see cref="FrameAudit"/>), for information.
/// </summary>
public sealed class RapidSwitchFigure(BenchSettings settings)
{
    private const int Users = 20;
    private const int ClicksPerBurst = 10;
    private const int MaxGapMs = 25;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(10);

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        var bursts = settings.Pick(40, 100);
        var latency = settings.Latency;
        var jitter = latency * 0.9;
        await using var sandbox = await BenchSandbox.StartAsync(latency, jitter, ct: ct);
        await using var context = CreateContext(sandbox);
        var acting = context.Services.GetRequiredService<ActingSwitch>();
        var tokens = context.Services.GetRequiredService<TokenState>();
        await context.Services.GetRequiredService<UserDirectoryLoader>().GetAsync(refresh: false, ct);
        context.Render<MudPopoverProvider>();
        var host = context.Render<RapidSwitchHost>();
        var workspace = host.FindComponent<ActingWorkspace>();
        var lastUpdate = Stopwatch.GetTimestamp();
        workspace.OnMarkupUpdated += (_, _) => Interlocked.Exchange(ref lastUpdate, Stopwatch.GetTimestamp());
        var quiet = (latency + jitter) * 2;
        var audit = new FrameAudit(host, sandbox.State.Data);

        var random = new Random(20250331);
        int correct = 0, unsettled = 0;
        var wrong = new List<string>();
        for (var burst = 0; burst < bursts; burst++)
        {
            var clicks = new List<Task<bool>>(ClicksPerBurst);
            AIRiskUser last = null!;
            for (var click = 0; click < ClicksPerBurst; click++)
            {
                var user = sandbox.User(random.Next(Users));
                last = user;
                clicks.Add(host.InvokeAsync(() => acting.SwitchAsync(user, ct: ct)));
                await Task.Delay(random.Next(MaxGapMs + 1), ct);
            }

            await Task.WhenAll(clicks);
            if (!await SettleAsync(host, tokens, () => Interlocked.Read(ref lastUpdate), quiet, ct))
            {
                unsettled++;
                continue;
            }

            var problem = await host.InvokeAsync(() => Check(host, tokens, sandbox, last));
            if (problem is null)
                correct++;
            else
                wrong.Add(problem);
        }

        report.Add(new Figure("rapid_switch_correct", (double)correct / bursts, "", Goal.Min(1, "")) { Decimals = 3 });
        FigureReport.Note($"rapid_switch: {bursts} bursts x {ClicksPerBurst} overlapping clicks = {bursts * ClicksPerBurst} switches across {Users} users" +
                          $"{(settings.Quick ? " (quick mode; the full run does 1,000)" : "")}, gaps 0-{MaxGapMs} ms, latency {latency.TotalMilliseconds:0} ± {jitter.TotalMilliseconds:0} ms");
        FigureReport.Note($"rapid_switch: figure = bursts whose settled screen belongs to the last click; {unsettled} did not settle within {SettleTimeout.TotalSeconds:0} s");
        report.Add(new Figure("rapid_switch_mixed_frames", audit.Mixed, ""));
        report.Add(new Figure("rapid_switch_false_empty_frames", audit.FalselyEmpty, ""));
        FigureReport.Note($"rapid_switch: of {audit.Frames} rendered frames, {audit.Mixed} showed agents of a user other than the bannered one " +
                          $"and {audit.FalselyEmpty} said the bannered user has no agents while they have some (transient; not part of the goal)");
        foreach (var problem in wrong.Take(5))
            FigureReport.Note($"rapid_switch wrong: {problem}");
    }

    private static BunitContext CreateContext(BenchSandbox sandbox)
    {
        var context = new BunitContext()
            .AddHostlessDashboard(new ConfigurationBuilder().AddInMemoryCollection(sandbox.CoreSettings()).Build(), BenchDashboard.NewDataDirectory());
        context.Services.AddBenchStandIns();
        return context;
    }

    /// <summary>
    /// Settled: no switch running, no skeleton on screen and the workspace unchanged for <paramref name="quiet"/>
    /// (longer than any one response can take), so a load still in flight would have shown.
    /// </summary>
    private static async Task<bool> SettleAsync(IRenderedComponent<RapidSwitchHost> host, TokenState tokens, Func<long> lastUpdate, TimeSpan quiet, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < SettleTimeout)
        {
            await Task.Delay(20, ct);
            if (Stopwatch.GetElapsedTime(lastUpdate()) < quiet || tokens.SwitchingTo is not null)
                continue;
            if (await host.InvokeAsync(() => host.FindAll(".mud-skeleton").Count == 0))
                return true;
        }

        return false;
    }

    /// <returns>Null when banner, token and agents all belong to <paramref name="last"/>; otherwise what differs.</returns>
    private static string? Check(IRenderedComponent<RapidSwitchHost> host, TokenState tokens, BenchSandbox sandbox, AIRiskUser last)
    {
        var banner = host.Find("[data-testid=acting-as]").GetAttribute("data-user-id");
        var tokenUser = tokens.Current.Token?.UserId;
        var agents = host.FindAll("[data-testid=agent-item]").Select(a => a.GetAttribute("data-agent-id") ?? "").ToList();
        var expectedAgents = sandbox.State.Data.AgentIdsOf(last.Id);
        if (banner == last.Id && tokenUser == last.Id && agents.SequenceEqual(expectedAgents))
            return null;
        return $"last click {last.Id}: banner {banner}, token {tokenUser}, agents [{string.Join(',', agents)}] (expected [{string.Join(',', expectedAgents)}])";
    }
}
