using AIRisk.Tests.TestSupport;
using AIRisk.Web.Workspace.Components;
using Bunit;

namespace AIRisk.Tests.Web.Workspace;

public sealed class ChatPanelTests() : DashboardTestContext(sandbox: o => o.StreamPieceDelay = TimeSpan.FromMilliseconds(60))
{
    [Fact]
    public async Task The_reply_streams_in_piece_by_piece_and_is_then_stored()
    {
        await Acting.SwitchAsync(Sandbox.User(2), ct: Ct);
        var workspace = Render<ActingWorkspace>();
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=agent-item]")), TimeSpan.FromSeconds(10));
        var partials = new HashSet<string>();
        workspace.OnMarkupUpdated += (_, _) =>
        {
            if (workspace.FindAll("[data-streaming=true]") is { Count: 1 } streaming)
                lock (partials)
                    partials.Add(streaming[0].TextContent.Trim());
        };

        workspace.Find("[data-testid=chat-input] textarea").Input("How do we classify AI risk?");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() =>
        {
            Assert.Empty(workspace.FindAll("[data-streaming=true]"));
            var messages = workspace.FindAll("[data-testid=chat-message]");
            Assert.Equal("user", messages[^2].GetAttribute("data-role"));
            Assert.Equal("ai", messages[^1].GetAttribute("data-role"));
        }, TimeSpan.FromSeconds(15));
        Assert.True(partials.Count(p => p.Length > "Agent".Length) >= 2, $"saw {partials.Count} distinct partial replies");
        Assert.Contains(workspace.FindAll("[data-testid=conversation-item]"), c => c.TextContent.Contains("How do we classify AI risk?", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_user_active_the_workspace_asks_to_pick_one()
    {
        var workspace = Render<ActingWorkspace>();

        Assert.Contains("Pick a user", workspace.Find("[data-testid=workspace-empty]").TextContent, StringComparison.Ordinal);
    }
}
