using AIRisk.Core.Api;
using AIRisk.Sandbox;
using AIRisk.Tests.Web.Audit.Streaming;
using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.Audit.Streaming;
using AIRisk.Web.StaffSignIn;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Tests.Web.Tickets.Notes;

/// <summary>
/// A node of its own over a real SQLite audit trail with the audit stream's outbox and the ticket note destination as
/// the app wires them, pointed at the sandbox's Zendesk (the outbox polls every 50 ms and retries after 0.1 s here).
/// Sessions are kept in memory (with their ticket); their records go to the trail as the acting code writes them.
/// </summary>
internal sealed class TicketNoteNode : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _provider;

    private TicketNoteNode(string directory, ServiceProvider provider, SandboxHost sandbox) => (_directory, _provider, Sandbox) = (directory, provider, sandbox);

    public SandboxHost Sandbox { get; }

    public InMemoryActingSessionStore Sessions { get; } = new();

    public IAuditTrail Trail => _provider.GetRequiredService<IAuditTrail>();

    public IServiceProvider Services => _provider;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="publicHost">The console's <c>PUBLIC_HOSTS</c>, as staff sign-in would have it; none (local mode) when null.</param>
    /// <param name="system">The sandbox's <c>zendesk</c> or <c>jira</c>.</param>
    public static async Task<TicketNoteNode> StartAsync(string? publicHost = null, string system = "zendesk")
    {
        var sandbox = await SandboxHost.StartAsync(ct: Ct);
        var directory = Directory.CreateTempSubdirectory("airisk-tickets-").FullName;
        var settings = FastOutbox.On(sandbox.TicketSettings(system), directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        if (publicHost is not null)
            services.AddSingleton(new StaffSignInOptions { PublicHosts = [publicHost] });
        services.AddAIRiskAudit(configuration, "/");
        services.AddAIRiskAlertDelivery(configuration);
        services.AddAIRiskTickets(configuration);
        var node = default(TicketNoteNode);
        services.AddSingleton<IActingSessionStore>(_ => node!.Sessions);
        var provider = services.BuildServiceProvider();
        node = new TicketNoteNode(directory, provider, sandbox);
        provider.GetRequiredService<AuditStreamOptions>().PollInterval = TimeSpan.FromMilliseconds(50);
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(Ct);
        return node;
    }

    /// <summary>
    /// A session of Ann Staff as Zoë Müller for <paramref name="ticket"/> that viewed <paramref name="conversations"/>
    /// (each once, the first twice), wrote once, and was stopped: its records in the trail as the acting code writes them.
    /// </summary>
    /// <returns>The session's id.</returns>
    public async Task<string> ActAndStopAsync(string? ticket, params string[] conversations)
    {
        var id = Guid.NewGuid().ToString("N");
        var target = new AIRiskUser("user-1", "Zoë Müller", "zoe.mueller@example.com");
        var started = DateTimeOffset.UtcNow.AddMinutes(-12).AddSeconds(-5);
        await Sessions.StartAsync(new ActingSessionRecord(id, "staff-1", "Ann Staff", target, "customer asked", started, started) { Ticket = ticket }, "circuit-1", Entry(AuditAction.ActAs, id, "session " + id), Ct);
        await Trail.RecordAsync(Entry(AuditAction.ActAs, id, "session " + id) with { AtUtc = started, Outcome = AuditOutcome.Requested }, Ct);
        foreach (var (conversation, i) in conversations.Select((c, i) => (c, i)))
        {
            await Trail.RecordAsync(Entry(AuditAction.Viewed, id, $"conversation c-{i} “{conversation}”"), Ct);
            if (i == 0)
                await Trail.RecordAsync(Entry(AuditAction.Viewed, id, $"conversation c-{i} “{conversation}”"), Ct);
        }
        await Trail.RecordAsync(Entry(AuditAction.Write, id, "question in “Plan”") with { Outcome = AuditOutcome.Requested }, Ct);
        await Trail.RecordAsync(Entry(AuditAction.Write, id, "question in “Plan”"), Ct);
        var end = DateTimeOffset.UtcNow;
        await Sessions.EndAsync(id, "circuit-1", end, SessionEndCause.Stopped, null, [], Ct);
        await Trail.RecordAsync(Entry(AuditAction.Stop, id, "stopped") with { AtUtc = end }, Ct);
        return id;
    }

    private static AuditEntry Entry(AuditAction action, string session, string detail) => new()
    {
        AtUtc = DateTimeOffset.UtcNow,
        StaffId = "staff-1",
        StaffName = "Ann Staff",
        Action = action,
        Outcome = AuditOutcome.Succeeded,
        TargetUserId = "user-1",
        TargetUserName = "Zoë Müller",
        Detail = detail,
        SessionId = session,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _provider.GetServices<IHostedService>())
            await hosted.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        await Sandbox.DisposeAsync();
    }
}
