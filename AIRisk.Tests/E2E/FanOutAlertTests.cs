using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>Issue 25's "done when": a staff member acting as 11 users in minutes, as the auditor and the SOC see it.</summary>
[Collection(BrowserSuite.Name)]
public sealed class FanOutAlertTests(SiemAppFixture fixture) : BrowserTest(fixture), IClassFixture<SiemAppFixture>
{
    private new SiemAppFixture Fixture => fixture;

    /// <summary>
    /// One journey, in one test: the refusal at the end depends on the switches before it (one staff member, one
    /// window), so the two cannot be separate tests of one app in any order.
    /// </summary>
    [Fact]
    public async Task Eleven_users_in_minutes_raise_a_signed_fan_out_alert_and_past_twice_the_limit_the_next_new_user_is_refused()
    {
        var candidates = Sandbox.Data.Users.Where(u => u.Role is not "Company Admin").Select(u => u.Id).ToList();
        var users = Fixture.FreshUsers(candidates, 11);
        await OpenDashboardAsync();
        foreach (var user in users)
            await ActAsAsync(user);

        // The auditor (the local operator holds every role) sees the bell count it, and follows it to the page.
        var bell = Page.GetByTestId("alert-badge");
        await Expect(bell).Not.ToHaveAttributeAsync("data-new", "0");
        await bell.GetByRole(AriaRole.Link).ClickAsync();
        var alert = Page.Locator("[data-testid=alert][data-rule=fan-out]");
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert.GetByTestId("alert-severity")).ToHaveTextAsync("High");
        await Expect(alert).ToContainTextAsync(users[0].DisplayName);
        var alertId = await alert.GetAttributeAsync("data-alert-id");

        // The SOC's receiver got the same alert, signed with the shared secret over "<t>.<body>".
        var posts = await Fixture.Webhook.WaitForAsync(r => r.Any(p => p.BodyText.Contains(alertId!, StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        var post = posts.First(p => p.BodyText.Contains(alertId!, StringComparison.Ordinal));
        var body = JsonNode.Parse(post.BodyText)!;
        Assert.Equal((alertId, "fan-out", "high"), ((string?)body["id"], (string?)body["rule"], (string?)body["severity"]));
        var targets = body["targets"]!.AsArray().Select(t => (string)t!["id"]!).ToList();
        Assert.Contains(users[0].Id, targets);
        Assert.True(SignedWithTheSecret(post.Header("X-AIRisk-Signature")!, post.Body), $"Signature {post.Header("X-AIRisk-Signature")} does not verify.");

        // The SIEM got it as an OCSF Detection Finding with the same id.
        if (RsyslogReceiver.SkipReason is null)
            await Fixture.Rsyslog.WaitForAsync(r => r.Any(m => IsFindingOf(m.Msg, alertId!)), TimeSpan.FromSeconds(20), Ct);

        // The triage is the auditor's, on record.
        await alert.GetByTestId("triage-acknowledged").ClickAsync();
        await Expect(alert).ToHaveAttributeAsync("data-state", "acknowledged");
        await Expect(bell).ToHaveAttributeAsync("data-new", "0");

        // Back to the table: new users until the refusal, which comes at the 21st in the window at the latest.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Console" }).ClickAsync();
        var last = users[^1];
        for (var i = 0; i < 10; i++)
        {
            var next = Fixture.FreshUsers(candidates, 1)[0];
            var row = await ShowUserAsync(next);
            await row.GetByTestId("switch-user").ClickAsync();
            var refused = Page.GetByText($"You may not act as {next.DisplayName}");
            // The banner names the user it acts as only once the switch took effect ("Switching to …" names them before).
            await Expect(Page.Locator($"[data-testid=acting-as][data-user-id='{next.Id}']").Or(refused)).ToBeVisibleAsync();
            if (await refused.IsVisibleAsync())
            {
                await Expect(refused).ToContainTextAsync("15 minutes");
                await Expect(Banner).ToHaveAttributeAsync("data-user-id", last.Id);
                return;
            }

            last = next;
        }

        Assert.Fail("Acting as 21 different users in minutes was never refused.");
    }

    private static bool IsFindingOf(string msg, string alertId) =>
        msg.StartsWith('{') && JsonNode.Parse(msg) is { } e && (int?)e["class_uid"] == 2004 && (string?)e["finding_info"]?["uid"] == alertId
        && (int?)e["activity_id"] == 1;

    private static bool SignedWithTheSecret(string header, byte[] body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var signed = Encoding.UTF8.GetBytes(parts["t"] + ".").Concat(body).ToArray();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SiemAppFixture.WebhookSecret), signed));
        return long.TryParse(parts["t"], out var t)
               && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t) < 300
               && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts["v1"]));
    }
}
