using System.Text.Json.Nodes;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;

namespace AIRisk.Tests.E2E;

/// <summary>What a staff member does in the browser reaches a real syslog receiver (rsyslogd) as OCSF events, in order.</summary>
[Collection(BrowserSuite.Name)]
public sealed class SiemStreamTests(SiemAppFixture fixture) : BrowserTest(fixture), IClassFixture<SiemAppFixture>
{
    private new SiemAppFixture Fixture => fixture;

    [Fact]
    public async Task A_switch_a_conversation_read_and_a_stop_arrive_at_the_SIEM_as_OCSF_events_naming_staff_and_user_in_sequence()
    {
        Assert.SkipWhen(RsyslogReceiver.SkipReason is not null, RsyslogReceiver.SkipReason ?? "");
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        await ConversationItems.First.ClickAsync();
        await Expect(Page.GetByTestId("chat-message").First).ToBeVisibleAsync();
        await Page.GetByTestId("stop-acting").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");

        var received = await Fixture.Rsyslog.WaitForAsync(r => Events(r).Any(e => (string?)e["metadata"]!["event_code"] == "Stop"), TimeSpan.FromSeconds(30), Ct);

        var events = Events(received);
        Assert.Equal(
            [("ActAs", 3002, "Requested"), ("ActAs", 3002, "Succeeded"), ("Viewed", 6003, "Succeeded"), ("Stop", 3002, "Succeeded")],
            events.Select(e => ((string)e["metadata"]!["event_code"]!, (int)e["class_uid"]!, (string)e["status_code"]!)));
        Assert.All(events, e => Assert.Equal(($"local:{Environment.UserName}", user.Id), ((string)e["actor"]!["user"]!["uid"]!, TargetOf(e))));
        var records = received.Where(m => m.Parameter("seq") is not null && !m.MsgId.Contains("checkpoint", StringComparison.OrdinalIgnoreCase)).ToList();
        var sequence = records.Select(m => long.Parse(m.Parameter("seq")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequence.Order(), sequence);
        Assert.All(records, m => Assert.Matches("^[0-9a-f]{64}$", m.Parameter("hash")));
    }

    /// <summary>The OCSF events of the acting session's records, in the order they arrived.</summary>
    private static List<JsonObject> Events(IReadOnlyList<ReceivedSyslogMessage> received) =>
    [
        .. received.Select(m => m.Msg.StartsWith('{') ? JsonNode.Parse(m.Msg) as JsonObject : null)
            .OfType<JsonObject>()
            .Where(e => (string?)e["metadata"]?["event_code"] is "ActAs" or "Viewed" or "Stop"),
    ];

    /// <summary>The AIRisk user an event concerns: Authentication's <c>user</c>, or API Activity's resource of type User.</summary>
    private static string? TargetOf(JsonObject e) =>
        (string?)e["user"]?["uid"] ?? e["resources"]?.AsArray().Select(r => r!).Where(r => (string?)r["type"] == "User").Select(r => (string?)r["uid"]).FirstOrDefault();
}
