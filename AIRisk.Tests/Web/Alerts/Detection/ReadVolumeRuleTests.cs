using AIRisk.Web.Alerts;
using AIRisk.Web.StaffSignIn;
using static AIRisk.Tests.Web.Alerts.Detection.DetectionTrail;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>Read volume replayed over a real audit trail: more than 50 different conversations viewed in one session.</summary>
public sealed class ReadVolumeRuleTests
{
    private static readonly StaffMember Alice = Staff("alice");

    [Fact]
    public async Task The_fifty_first_conversation_of_a_session_raises_one_high_alert_for_that_session()
    {
        await using var trail = await OpenAsync();
        var user = User(1);
        var session = (await trail.ActAsAsync(Alice, user))!;

        await ViewEachAsync(trail, session, 1, 50);
        var atFifty = await trail.AlertsAsync();
        await ViewEachAsync(trail, session, 51, 60);
        var other = (await trail.ActAsAsync(Alice, user))!;
        await ViewEachAsync(trail, other, 1, 51);

        Assert.Empty(atFifty);
        var alerts = await trail.AlertsAsync(AlertRules.ReadVolume);
        Assert.Equal([session, other], alerts.Select(a => Assert.Single(a.Sessions)));
        Assert.Equal((AlertSeverity.High, "user-1"), (alerts[0].Severity, alerts[0].Targets.Single().Id));
        Assert.Equal("alice (support) viewed 51 conversations of User 1 in one acting session (more than 50).", alerts[0].Summary);
    }

    [Fact]
    public async Task Fifty_conversations_viewed_twice_each_raise_nothing()
    {
        await using var trail = await OpenAsync();
        var session = (await trail.ActAsAsync(Alice, User(1)))!;

        await ViewEachAsync(trail, session, 1, 50);
        await ViewEachAsync(trail, session, 1, 50);

        Assert.Empty(await trail.AlertsAsync());
    }

    private static async Task ViewEachAsync(DetectionTrail trail, string session, int from, int to)
    {
        for (var n = from; n <= to; n++)
        {
            await trail.ViewAsync(Alice, session, User(1), n);
            trail.Time.Advance(TimeSpan.FromSeconds(5));
        }
    }
}
