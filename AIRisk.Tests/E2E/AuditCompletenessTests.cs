using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

/// <summary>What a staff member does in one tab, from first switch to closing it, reads back from the trail exactly.</summary>
[Collection(BrowserSuite.Name)]
public sealed class AuditCompletenessTests(ShortGraceAppFixture fixture) : BrowserTest(fixture), IClassFixture<ShortGraceAppFixture>
{
    [Fact]
    public async Task Act_switch_view_reload_stop_act_and_close_the_tab_leave_exactly_these_records_in_order()
    {
        var users = Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role == "User").Select(u => u.Id), 3);
        var (a, b, c) = (users[0], users[1], users[2]);
        // The trail may hold earlier runs' records of the same (seeded) users: read only this test's.
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await OpenDashboardAsync();
        await ActAsAsync(a);
        await ActAsAsync(b);
        await ConversationItems.First.ClickAsync();
        await Expect(Page.GetByTestId("chat-message").First).ToBeVisibleAsync();
        // The address holds the open conversation, so the reloaded tab opens it again (and records that).
        await Page.ReloadAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", b.Id);
        await Expect(Page.GetByTestId("chat-message").First).ToBeVisibleAsync();
        await Page.GetByTestId("stop-acting").ClickAsync();
        await Expect(Banner).ToHaveAttributeAsync("data-user-id", "");
        await ActAsAsync(c);

        await Page.CloseAsync();

        var reader = await Context.NewPageAsync();
        string[] ids = [a.Id, b.Id, c.Id];
        List<(string Action, string Outcome, string Target, string Detail)> trail = [];
        var deadline = DateTime.UtcNow + ShortGraceAppFixture.Grace * 5;
        do
        {
            await Task.Delay(500, Ct);
            var csv = await (await reader.APIRequest.GetAsync("/audit/export.csv")).TextAsync();
            trail = [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Cells)
                .Where(r => ids.Contains(r[6]) && DateTimeOffset.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) >= started)
                .Select(r => (r[4], r[5], r[6], r[9].Split(' ')[0]))
                .Reverse()];
        }
        while (trail.Count < 12 && DateTime.UtcNow < deadline);

        Assert.Equal(
            [
                ("ActAs", "Requested", a.Id, "session"),
                ("ActAs", "Succeeded", a.Id, ""),
                ("ActAs", "Requested", b.Id, "session"),
                ("Stop", "Succeeded", a.Id, "switched"),
                ("ActAs", "Succeeded", b.Id, ""),
                ("Viewed", "Succeeded", b.Id, "conversation"),
                ("Resumed", "Succeeded", b.Id, ""),
                ("Viewed", "Succeeded", b.Id, "conversation"),
                ("Stop", "Succeeded", b.Id, "stopped"),
                ("ActAs", "Requested", c.Id, "session"),
                ("ActAs", "Succeeded", c.Id, ""),
                ("Stop", "Succeeded", c.Id, "tab"),
            ],
            trail);
    }

    /// <summary>The cells of one line of the export (RFC 4180: quoted cells may hold commas and doubled quotes).</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.TrimEnd('\r').Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                cell.Append(line[++i]);
            else if (ch == '"')
                quoted = !quoted;
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(ch);
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
