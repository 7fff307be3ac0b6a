using AIRisk.Tests.TestSupport;
using Bunit;

namespace AIRisk.Tests.Web.Workspace;

/// <summary>Against a server that stores the AI message only some time after its reply stream has closed.</summary>
public sealed class LateStoredReplyTests() : DashboardTestContext(sandbox: o =>
{
    o.StreamPieceDelay = TimeSpan.FromMilliseconds(20);
    o.StoreReplyAfterStream = TimeSpan.FromMilliseconds(1200);
})
{
    [Fact]
    public async Task The_streamed_reply_stays_on_screen_and_picks_up_its_id_once_stored()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));
        workspace.FindAll("[data-testid=conversation-item]")[0].Click();
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=chat-message]")), TimeSpan.FromSeconds(10));
        var before = workspace.FindAll("[data-testid=chat-message]").Count;
        var vanished = 0;
        var streamed = false;
        workspace.OnMarkupUpdated += (_, _) =>
        {
            var messages = workspace.FindAll("[data-testid=chat-message]");
            lock (workspace)
            {
                streamed |= workspace.FindAll("[data-streaming=true]").Count > 0;
                if (streamed && messages.Count < before + 2)
                    vanished++;
            }
        };

        workspace.Find("[data-testid=chat-input] textarea").Input("Which risks are overdue?");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() =>
        {
            Assert.Empty(workspace.FindAll("[data-streaming=true]"));
            Assert.Equal("ai", workspace.FindAll("[data-testid=chat-message]")[^1].GetAttribute("data-role"));
            Assert.Contains("has not stored this reply yet", workspace.Find("[data-testid=chat-notice]").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));
        var reply = workspace.FindAll("[data-testid=chat-message] .chat-message__text")[^1].TextContent;
        Assert.Empty(workspace.FindAll("[data-testid=chat-message]")[^1].QuerySelectorAll("[data-testid=like]"));

        workspace.WaitForAssertion(() =>
        {
            var last = workspace.FindAll("[data-testid=chat-message]")[^1];
            Assert.NotEmpty(last.QuerySelectorAll("[data-testid=like]"));
            Assert.Empty(workspace.FindAll("[data-testid=chat-notice]"));
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(before + 2, workspace.FindAll("[data-testid=chat-message]").Count);
        Assert.Equal(reply, workspace.FindAll("[data-testid=chat-message] .chat-message__text")[^1].TextContent);
        Assert.Equal(0, vanished);
    }
}
