using AIRisk.Tests.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.Components.Pages;
using AIRisk.Web.Users;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Components.Pages;

public sealed class ConsolePageTests() : DashboardTestContext(sandbox: o => o.Latency = TimeSpan.FromMilliseconds(20))
{
    [Fact]
    public void The_table_and_the_acting_users_workspace_are_on_screen_together()
    {
        var host = Context.Render<DashboardHost>();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=user-row]")));
        var userId = RowIds(host)[0];

        host.Find($"[data-testid=user-row][data-user-id='{userId}'] [data-testid=switch-user]").Click();

        host.WaitForAssertion(() =>
        {
            Assert.Equal(userId, host.Find("[data-testid=acting-as]").GetAttribute("data-user-id"));
            Assert.NotEmpty(host.FindAll("[data-testid=agent-item]"));
            Assert.NotEmpty(host.FindAll("[data-testid=conversation-item]"));
        }, TimeSpan.FromSeconds(10));
        Assert.NotEmpty(host.FindAll("[data-testid=user-row]"));
        Assert.NotEmpty(host.FindAll("[data-testid=switch-user]"));
        Assert.Single(host.FindAll("[data-testid=user-search] input"));
    }

    [Fact]
    public void Act_as_turns_into_Acting_on_the_new_row_and_back_on_the_previous_one()
    {
        var host = Context.Render<DashboardHost>();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=user-row]")));
        var (first, second) = (RowIds(host)[0], RowIds(host)[1]);
        string Button(string userId) => host.Find($"[data-testid=user-row][data-user-id='{userId}'] button").GetAttribute("data-testid")!;

        host.Find($"[data-testid=user-row][data-user-id='{first}'] [data-testid=switch-user]").Click();
        host.WaitForAssertion(() => Assert.Equal(first, host.Find("[data-testid=acting-as]").GetAttribute("data-user-id")), TimeSpan.FromSeconds(10));
        Assert.Equal("active-user", Button(first));
        Assert.Contains("Acting", host.Find($"[data-testid=user-row][data-user-id='{first}'] button").TextContent, StringComparison.Ordinal);

        host.Find($"[data-testid=user-row][data-user-id='{second}'] [data-testid=switch-user]").Click();
        host.WaitForAssertion(() => Assert.Equal(second, host.Find("[data-testid=acting-as]").GetAttribute("data-user-id")), TimeSpan.FromSeconds(10));
        Assert.Equal("switch-user", Button(first));
        Assert.Contains("Act as", host.Find($"[data-testid=user-row][data-user-id='{first}'] button").TextContent, StringComparison.Ordinal);
        Assert.Equal("active-user", Button(second));
    }

    [Fact]
    public void An_agents_suggestion_puts_its_text_in_the_chat_for_that_agent()
    {
        var host = Context.Render<DashboardHost>();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=user-row]")));
        host.Find("[data-testid=switch-user]").Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=agent-suggestion]")), TimeSpan.FromSeconds(10));
        var suggestion = host.Find("[data-testid=agent-suggestion]");
        var text = suggestion.TextContent.Trim();
        var agentId = suggestion.Closest("[data-testid=agent-item]")!.GetAttribute("data-agent-id");

        suggestion.Click();

        host.WaitForAssertion(() =>
        {
            Assert.Equal(text, host.Find("[data-testid=chat-input] textarea").GetAttribute("value"));
            Assert.Contains("agent-item--selected", host.Find($"[data-testid=agent-item][data-agent-id='{agentId}']").ClassName, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void With_nobody_acting_the_workspace_side_asks_to_pick_a_user()
    {
        var host = Context.Render<DashboardHost>();

        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=user-row]")));
        Assert.Contains("Pick a user", host.Find("[data-testid=workspace-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switch_from_a_row_keeps_the_tables_search_and_page()
    {
        var host = Context.Render<DashboardHost>();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=user-row]")));
        var (term, matching) = TermMatchingMoreThanOnePage();
        host.Find("[data-testid=user-search] input").Input(term);
        host.WaitForAssertion(() => Assert.StartsWith($"{matching} of ", host.Find("[data-testid=user-count]").TextContent, StringComparison.Ordinal));
        host.Find("[data-testid=users-pager] button[aria-label='Page 2']").Click();
        host.WaitForAssertion(() => Assert.Equal(matching - UserPicker.PageSize, host.FindAll("[data-testid=user-row]").Count));
        var secondPage = RowIds(host);
        var target = secondPage[^1];

        host.Find($"[data-testid=user-row][data-user-id='{target}'] [data-testid=switch-user]").Click();

        host.WaitForAssertion(() =>
        {
            Assert.Equal(target, host.Find("[data-testid=acting-as]").GetAttribute("data-user-id"));
            Assert.NotEmpty(host.FindAll("[data-testid=agent-item]"));
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(term, host.Find("[data-testid=user-search] input").GetAttribute("value"));
        Assert.Equal(secondPage, RowIds(host));
        Assert.Equal("true", host.Find($"[data-testid=user-row][data-user-id='{target}']").GetAttribute("aria-current"));
    }

    [Fact]
    public void A_deep_link_shows_a_confirmation_and_does_not_switch_until_it_is_clicked()
    {
        var user = Sandbox.User(3);

        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, user.Id));

        page.WaitForAssertion(() => Assert.Contains($"Act as {user.DisplayName}", page.Find("[data-testid=confirm-act]").TextContent, StringComparison.Ordinal));
        Assert.False(Tokens.Current.IsActing);
        Assert.Null(Tokens.SwitchingTo);
    }

    [Fact]
    public async Task Confirming_a_deep_link_acts_as_its_user_and_opens_its_conversation()
    {
        var user = Sandbox.User(3);
        var conversationId = (await SandboxConversations.NewestIdsAsync(Sandbox, CoreHarness.RedirectUri, user.Id, 5, Ct))[1];
        Context.Services.GetRequiredService<NavigationManager>().NavigateTo($"/act/{user.Id}?conversation={conversationId}");
        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, user.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-act]"));

        page.Find("[data-testid=confirm-act]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(user.Id, Tokens.Current.User?.Id);
            Assert.Contains("conversation-item--selected", page.Find($"[data-testid=conversation-item][data-conversation-id='{conversationId}']").ClassList);
            Assert.Empty(page.FindAll("[data-testid=confirm-act]"));
        }, TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.EndsWith($"/act/{user.Id}?conversation={conversationId}", ShownAddress(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_double_click_on_a_deep_links_confirmation_starts_one_switch()
    {
        var user = Sandbox.User(3);
        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, user.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-act]"));
        var button = page.Find("[data-testid=confirm-act]");

        button.Click();
        button.Click();

        page.WaitForAssertion(() => Assert.Equal(user.Id, Tokens.Current.User?.Id), TimeSpan.FromSeconds(10));
        var requested = (await Audit.QueryAsync(new AuditQuery(Target: user.Id, Outcome: AuditOutcome.Requested), Ct)).Items;
        Assert.Single(requested, e => e.Action == AuditAction.ActAs);
        Assert.Empty((await Audit.QueryAsync(new AuditQuery(Target: user.Id, Outcome: AuditOutcome.Superseded), Ct)).Items);
    }

    [Fact]
    public async Task A_deep_link_asks_once_acting_as_someone_else_answers_it()
    {
        var (linked, other) = (Sandbox.User(3), Sandbox.User(4));
        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, linked.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=confirm-act]"));

        await Acting.SwitchAsync(other, ct: Ct);
        page.WaitForAssertion(() => Assert.EndsWith($"/act/{other.Id}", ShownAddress(), StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=confirm-act]"));

        await page.InvokeAsync(() => Ender.EndAsync(SessionEndCause.Stopped));
        page.WaitForAssertion(() => Assert.Equal(Context.Services.GetRequiredService<NavigationManager>().BaseUri, ShownAddress()));
        Assert.Empty(page.FindAll("[data-testid=confirm-act]"));
    }

    [Fact]
    public void A_deep_link_to_an_unknown_user_says_so_and_offers_no_switch()
    {
        var page = Render<ConsolePage>(p => p.Add(c => c.UserId, "00000000-0000-4000-8000-000000000000"));

        page.WaitForAssertion(() => Assert.Contains("not in the AIRisk user list", page.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=confirm-act]"));
    }

    [Fact]
    public async Task The_tab_title_names_the_acting_user()
    {
        var user = Sandbox.User(1);
        var head = Context.Render<HeadOutlet>();
        Render<ConsolePage>();
        head.WaitForAssertion(() => Assert.Equal("AIRisk Console", head.Find("title").TextContent));

        await Acting.SwitchAsync(user, ct: Ct);

        head.WaitForAssertion(() => Assert.Equal($"{user.DisplayName} · AIRisk Console", head.Find("title").TextContent));
    }

    [Fact]
    public async Task While_acting_the_address_is_the_deep_link_to_this_view()
    {
        var user = Sandbox.User(2);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        var page = Render<ConsolePage>();

        await Acting.SwitchAsync(user, ct: Ct);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=conversation-item]")), TimeSpan.FromSeconds(10));
        var conversation = page.FindAll("[data-testid=conversation-item]")[1];
        var conversationId = conversation.GetAttribute("data-conversation-id");
        conversation.Click();

        page.WaitForAssertion(() => Assert.EndsWith($"/act/{user.Id}?conversation={conversationId}", ShownAddress(), StringComparison.Ordinal));
        await page.InvokeAsync(() => Ender.EndAsync(SessionEndCause.Stopped));
        page.WaitForAssertion(() => Assert.Equal(navigation.BaseUri, ShownAddress()));
    }

    /// <summary>What the browser's address bar shows: what the page last put there, else the address it was opened at.</summary>
    private string? ShownAddress() =>
        Context.JSInterop.Invocations["airiskConsole.showAddress"] is { Count: > 0 } calls
            ? calls[^1].Arguments[0] as string
            : Context.Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task Recent_users_are_one_click_away()
    {
        var (first, second) = (Sandbox.User(4), Sandbox.User(5));
        var page = Render<ConsolePage>();
        await Acting.SwitchAsync(first, ct: Ct);
        await Acting.SwitchAsync(second, ct: Ct);
        page.WaitForAssertion(() => Assert.Equal([first.Id], page.FindAll("[data-testid=recent-user]").Select(c => c.GetAttribute("data-user-id"))));

        page.Find("[data-testid=recent-user]").Click();

        page.WaitForAssertion(() => Assert.Equal(first.Id, Tokens.Current.User?.Id), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Equal([second.Id], page.FindAll("[data-testid=recent-user]").Select(c => c.GetAttribute("data-user-id"))));
    }

    [Fact]
    public async Task The_recent_users_show_the_last_ones_before_the_acting_user_and_no_more()
    {
        var users = Enumerable.Range(4, RecentUsers.Capacity + 1).Select(Sandbox.User).ToList();
        var page = Render<ConsolePage>();

        foreach (var user in users)
            await Acting.SwitchAsync(user, ct: Ct);

        // The oldest has dropped off the list: five remembered, the acting one among them.
        var expected = users[^(RecentUsers.Capacity)..^1].Select(u => u.Id).Reverse();
        page.WaitForAssertion(() => Assert.Equal(expected, page.FindAll("[data-testid=recent-user]").Select(c => c.GetAttribute("data-user-id"))));
    }

    private (string Term, int Matching) TermMatchingMoreThanOnePage()
    {
        var users = Sandbox.State.Data.Users;
        return "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString())
            .Select(t => (t, users.Count(u => SearchText.Fold($"{u.DisplayName}\n{u.Email}\n{u.Id}").Contains(t, StringComparison.Ordinal))))
            .First(p => p.Item2 > UserPicker.PageSize && p.Item2 < users.Count);
    }

    private static List<string> RowIds(IRenderedComponent<DashboardHost> host) =>
        [.. host.FindAll("[data-testid=user-row]").Select(r => r.GetAttribute("data-user-id")!)];
}
