using AIRisk.Tests.TestSupport;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>The rules through the real acting switch and workspace, against the sandbox (fan-out limit 2, read volume 1).</summary>
public sealed class DetectionInTheSwitchTests() : DashboardTestContext(settings: s =>
{
    s[DetectionOptions.FanOutUsersKey] = "2";
    s[DetectionOptions.ReadVolumeKey] = "1";
})
{
    [Fact]
    public async Task Past_twice_the_fan_out_limit_the_next_act_as_is_refused_before_any_token_is_requested()
    {
        foreach (var n in new[] { 3, 4, 5, 6 })
            Assert.True(await Acting.SwitchAsync(Sandbox.User(n), ct: Ct));
        var fifth = Sandbox.User(7);

        var switched = await Acting.SwitchAsync(fifth, ct: Ct);

        Assert.False(switched);
        Assert.Equal(Sandbox.User(6).Id, Tokens.Current.User?.Id);
        Assert.Equal(
            $"You may not act as {fifth.DisplayName}: you have acted as 4 different users in the last 15 minutes, twice the 2 that raise an alert; a new user can be acted as once fewer fall within that window.",
            LastError);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(fifth.Id));
        var refused = (await Audit.QueryAsync(new AuditQuery(Target: fifth.Id), Ct)).Items;
        Assert.Equal((AuditAction.ActAs, AuditOutcome.Refused), (Assert.Single(refused).Action, refused[0].Outcome));
        Assert.Single(await AlertsAsync(AlertRules.FanOut));
    }

    [Fact]
    public async Task Past_twice_the_limit_a_user_already_acted_as_in_the_window_is_still_allowed()
    {
        foreach (var n in new[] { 3, 4, 5, 6 })
            await Acting.SwitchAsync(Sandbox.User(n), ct: Ct);

        var switched = await Acting.SwitchAsync(Sandbox.User(3), ct: Ct);

        Assert.True(switched);
    }

    [Fact]
    public async Task Viewing_more_conversations_than_the_limit_in_the_workspace_raises_a_read_volume_alert()
    {
        var user = Sandbox.User(3);
        var workspace = await OpenWorkspaceAsync(user);

        foreach (var index in new[] { 0, 1 })
        {
            await workspace.InvokeAsync(() => workspace.FindAll("[data-testid=conversation-item]")[index].Click());
            workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=chat-message]")), TimeSpan.FromSeconds(10));
        }

        var alert = await WaitForAlertAsync(AlertRules.ReadVolume);
        Assert.Equal([SessionId!], alert.Sessions);
        Assert.Equal(user.Id, alert.Targets.Single().Id);
    }

    private async Task<IReadOnlyList<Alert>> AlertsAsync(string rule) =>
        [.. (await Audit.QueryAsync(new AuditQuery(Take: 500), Ct)).Items.Select(AlertRecord.FromEntry).OfType<Alert>().Where(a => a.Rule == rule)];

    // The view is recorded after the conversation shows: its alert follows a moment later.
    private async Task<Alert> WaitForAlertAsync(string rule)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await AlertsAsync(rule) is [var alert, ..])
                return alert;
            await Task.Delay(20, patience.Token);
        }
    }
}

/// <summary>A trail the rules cannot read (the database is down for them): the switch goes on as the audit trail allows.</summary>
public sealed class DetectionUnavailableTests() : DashboardTestContext
{
    [Fact]
    public async Task A_switch_whose_rules_cannot_read_the_trail_still_happens()
    {
        var user = Sandbox.User(3);

        var switched = await Acting.SwitchAsync(user, ct: Ct);

        Assert.True(switched);
        Assert.Equal(user.Id, Tokens.Current.User?.Id);
    }

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IDetectionFacts, UnreadableFacts>();

    private sealed class UnreadableFacts : IDetectionFacts
    {
        public Task<IReadOnlyList<TargetSeen>> TargetsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => throw Down();

        public Task<IReadOnlyList<string>> SessionsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => throw Down();

        public Task<IReadOnlyList<RefusalSeen>> RefusalsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => throw Down();

        public Task<int> ConversationsViewedAsync(string session, CancellationToken ct) => throw Down();

        public Task<IReadOnlyList<RaisedAlert>> AlertsAsync(string staffId, DateTimeOffset since, CancellationToken ct) => throw Down();

        public Task<IReadOnlyList<RaisedAlert>> SessionAlertsAsync(string session, CancellationToken ct) => throw Down();

        private static TimeoutException Down() => new("The audit database did not answer in time.");
    }
}
