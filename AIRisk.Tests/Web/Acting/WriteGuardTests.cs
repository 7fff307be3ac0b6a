using AIRisk.Core.Api;
using AIRisk.Sandbox.Requests;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.Workspace.Components;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AIRisk.Tests.Web.Acting;

public sealed class WriteGuardTests() : DashboardTestContext
{
    private WriteRecordsCanFail _audit = default!;

    protected override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IActingSessionStore>(sp => _audit = new WriteRecordsCanFail(ActivatorUtilities.CreateInstance<ActingSessionStore>(sp)));

    [Fact]
    public async Task Writing_is_confirmed_once_per_acting_session_and_each_write_is_recorded()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));

        await SendAsync(workspace, "First question");
        await SendAsync(workspace, "Second question");

        Prompts.Verify(p => p.ConfirmWritesAsync(It.IsAny<AIRiskUser>(), It.IsAny<CancellationToken>()), Times.Once);
        var writes = (await Audit.QueryAsync(new AuditQuery(), Ct)).Items.Where(e => e.Action == AuditAction.Write).Reverse().ToList();
        Assert.Equal([AuditOutcome.Requested, AuditOutcome.Succeeded, AuditOutcome.Requested, AuditOutcome.Succeeded], writes.Select(w => w.Outcome));
    }

    [Fact]
    public async Task A_write_the_audit_trail_cannot_record_is_not_sent()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));
        _audit.FailWrites = true;
        Sandbox.State.Requests.Clear();

        workspace.Find("[data-testid=chat-input] textarea").Input("Should not be sent");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() => Assert.Contains("Not sent: disk full", workspace.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, Sandbox.State.Requests.Count(RequestKind.Api));
    }

    [Fact]
    public async Task A_declined_confirmation_sends_nothing()
    {
        Prompts.Setup(p => p.ConfirmWritesAsync(It.IsAny<AIRiskUser>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));
        var before = Sandbox.State.Requests.Count(RequestKind.Api);

        workspace.Find("[data-testid=chat-input] textarea").Input("Should not be sent");
        workspace.Find("[data-testid=chat-send]").Click();

        workspace.WaitForAssertion(() => Assert.Contains("not confirmed", workspace.Find("[data-testid=error-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, Sandbox.State.Requests.Count(RequestKind.Api));
    }

    private static Task SendAsync(IRenderedComponent<ActingWorkspace> workspace, string text)
    {
        var before = workspace.FindAll("[data-testid=chat-message][data-role=ai]").Count;
        workspace.Find("[data-testid=chat-input] textarea").Input(text);
        workspace.Find("[data-testid=chat-send]").Click();
        workspace.WaitForAssertion(() =>
        {
            Assert.Empty(workspace.FindAll("[data-streaming=true]"));
            Assert.True(workspace.FindAll("[data-testid=chat-message][data-role=ai]").Count > before);
        }, TimeSpan.FromSeconds(15));
        return Task.CompletedTask;
    }

    // The real trail, whose records the first test reads back; a mock would have to forward every call to it.
    /// <summary>The real store, except that write records (which go under the session) can be made to fail.</summary>
    private sealed class WriteRecordsCanFail(IActingSessionStore inner) : DelegatingActingSessionStore(inner)
    {
        public bool FailWrites { get; set; }

        public override Task RecordAsync(string id, string circuitId, AuditEntry entry, CancellationToken ct) => FailWrites && entry.Action == AuditAction.Write
            ? Task.FromException(new AuditUnavailableException("disk full", new IOException("disk full")))
            : base.RecordAsync(id, circuitId, entry, ct);
    }
}
