using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Approvals;

/// <summary>The store against a real SQLite audit database: the rules hold in the UPDATE and in the database itself.</summary>
public sealed class ApprovalStoreTests : IAsyncDisposable
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    internal static readonly StaffMember Requester = new("staff-a", "Ann Asker", new HashSet<string>(), IsLocal: false);
    internal static readonly StaffMember Approver = new("staff-b", "Ben Approver", new HashSet<string>(), IsLocal: false);
    internal static readonly StaffMember OtherApprover = new("staff-c", "Cat Approver", new HashSet<string>(), IsLocal: false);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("airisk-approvals-").FullName;
    private readonly ServiceProvider _node;
    private readonly ApprovalStore _store;

    public ApprovalStoreTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditOptions.DataDirectoryKey] = _dataDirectory }).Build();
        _node = new ServiceCollection().AddLogging().AddAIRiskAudit(configuration, _dataDirectory).BuildServiceProvider();
        _store = new ApprovalStore(_node.GetRequiredService<AuditTrail>());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static ApprovalRequest Request(string? id = null, StaffMember? requester = null, DateTimeOffset? created = null) => new(
        id ?? Guid.NewGuid().ToString("N"), (requester ?? Requester).Id, (requester ?? Requester).Name, "u-1", "Ada Admin", ["Company Admin"],
        "acting as a Company Admin", "ticket 42 asks", "42", created ?? Now, (created ?? Now).AddMinutes(15), ApprovalStatus.Open);

    [Fact]
    public async Task Nobody_approves_their_own_request()
    {
        var request = Request();
        await _store.CreateAsync(request, Ct);

        var decision = await _store.DecideAsync(request.Id, Requester, approve: true, null, Now.AddMinutes(1), Now.AddMinutes(61), Ct);

        Assert.Equal(ApprovalDecision.OwnRequest, decision);
        Assert.Equal(ApprovalStatus.Open, (await _store.GetAsync(request.Id, Ct))!.Status);
    }

    [Fact]
    public async Task The_first_decision_wins_and_a_second_approver_is_told_it_was_taken()
    {
        var request = Request();
        await _store.CreateAsync(request, Ct);

        var first = await _store.DecideAsync(request.Id, Approver, approve: false, "not without a ticket", Now.AddMinutes(1), Now.AddMinutes(61), Ct);
        var second = await _store.DecideAsync(request.Id, OtherApprover, approve: true, null, Now.AddMinutes(2), Now.AddMinutes(62), Ct);

        Assert.Equal((ApprovalDecision.Decided, ApprovalDecision.AlreadyDecided), (first, second));
        var stored = (await _store.GetAsync(request.Id, Ct))!;
        Assert.Equal((ApprovalStatus.Denied, "Ben Approver", "not without a ticket"), (stored.Status, stored.DecidedByName, stored.Note));
    }

    [Fact]
    public async Task An_expired_request_cannot_be_approved_and_closes_as_expired_once()
    {
        var request = Request();
        await _store.CreateAsync(request, Ct);

        var late = await _store.DecideAsync(request.Id, Approver, approve: true, null, Now.AddMinutes(16), Now.AddMinutes(76), Ct);
        var closed = await _store.CloseAsync(request.Id, ApprovalStatus.Expired, Now.AddMinutes(16), Ct);
        var again = await _store.CloseAsync(request.Id, ApprovalStatus.Expired, Now.AddMinutes(17), Ct);

        Assert.Equal(ApprovalDecision.Expired, late);
        Assert.Equal((true, false), (closed, again));
        Assert.Empty(await _store.OpenAsync(Now.AddMinutes(16), Ct));
    }

    [Fact]
    public async Task An_approval_stands_for_its_requester_and_target_until_its_validity_ends()
    {
        var request = Request();
        await _store.CreateAsync(request, Ct);
        await _store.DecideAsync(request.Id, Approver, approve: true, "ok", Now.AddMinutes(1), Now.AddMinutes(61), Ct);

        Assert.NotNull(await _store.StandingAsync(Requester.Id, "u-1", Now.AddMinutes(60), breakGlass: false, Ct));
        Assert.Null(await _store.StandingAsync(Requester.Id, "u-1", Now.AddMinutes(61), breakGlass: false, Ct));
        Assert.Null(await _store.StandingAsync(Requester.Id, "u-2", Now.AddMinutes(30), breakGlass: false, Ct));
        Assert.Null(await _store.StandingAsync(Approver.Id, "u-1", Now.AddMinutes(30), breakGlass: false, Ct));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_decision_by_the_requester_and_a_change_to_a_decided_request()
    {
        var request = Request();
        await _store.CreateAsync(request, Ct);
        await using var db = await _node.GetRequiredService<IDbContextFactory<AuditDbContext>>().CreateDbContextAsync(Ct);

        var own = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE approval_request SET status = 'approved', decided_by_id = requester_id WHERE id = {0}", [request.Id], Ct));
        await _store.DecideAsync(request.Id, Approver, approve: false, "no", Now.AddMinutes(1), Now.AddMinutes(61), Ct);
        var rewritten = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            "UPDATE approval_request SET status = 'approved' WHERE id = {0}", [request.Id], Ct));

        Assert.Contains("ck_approval_request_not_own", own.Message + own.InnerException?.Message, StringComparison.Ordinal);
        Assert.Contains("decided approval request", rewritten.Message + rewritten.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Break_glass_is_the_requesters_alone_and_only_once_the_request_has_waited_long_enough()
    {
        var request = Request();
        await _store.CreateAsync(request, Ct);

        var early = await _store.BreakGlassAsync(request.Id, Requester.Id, "customer outage, nobody answers", Now.AddMinutes(4), Now.AddMinutes(4 - 5), Now.AddMinutes(64), Ct);
        var other = await _store.BreakGlassAsync(request.Id, Approver.Id, "customer outage, nobody answers", Now.AddMinutes(6), Now.AddMinutes(1), Now.AddMinutes(66), Ct);
        var done = await _store.BreakGlassAsync(request.Id, Requester.Id, "customer outage, nobody answers", Now.AddMinutes(6), Now.AddMinutes(1), Now.AddMinutes(66), Ct);

        Assert.Equal((false, false, true), (early, other, done));
        Assert.Equal(ApprovalStatus.BreakGlass, (await _store.GetAsync(request.Id, Ct))!.Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
