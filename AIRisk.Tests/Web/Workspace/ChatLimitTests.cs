using AIRisk.Core.Configuration;
using AIRisk.Tests.TestSupport;
using Bunit;

namespace AIRisk.Tests.Web.Workspace;

public sealed class ChatLimitTests() : DashboardTestContext(
    sandbox: o => o.StreamPieceDelay = TimeSpan.Zero,
    settings: s =>
    {
        s[AIRiskKeys.MaxMessageChars] = "40";
        s[AIRiskKeys.MaxReplyChars] = "100";
    })
{
    [Fact]
    public async Task A_message_over_the_limit_cannot_be_sent_and_the_input_shows_the_limit()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));

        workspace.Find("[data-testid=chat-input] textarea").Input(new string('x', 41));

        workspace.WaitForAssertion(() => Assert.True(workspace.Find("[data-testid=chat-send]").HasAttribute("disabled")));
        Assert.Contains("41 / 40", workspace.Find("[data-testid=chat-input]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_past_the_size_limit_is_cut_off_with_a_message_and_the_circuit_lives_on()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));
        workspace.FindAll("[data-testid=conversation-item]")[0].Click();
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=chat-message]")), TimeSpan.FromSeconds(10));

        workspace.Find("[data-testid=chat-input] textarea").Input("Explain our risk appetite in detail.");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() =>
            Assert.Contains("longer than 100 characters and was cut off", workspace.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.True(workspace.FindAll("[data-testid=chat-message][data-role=ai] .chat-message__text")[^1].TextContent.Length <= 100);
        workspace.Find("[data-testid=chat-input] textarea").Input("Still here?");
        workspace.WaitForAssertion(() => Assert.False(workspace.Find("[data-testid=chat-send]").HasAttribute("disabled")));
    }
}
