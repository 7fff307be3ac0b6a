using AIRisk.Tests.Web.Audit.Chain;
using AIRisk.Web.Approvals;
using AIRisk.Web.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Approvals;

/// <summary>
/// Two nodes on one PostgreSQL database, as the nodes' role with the deployment's grants: the requester's own node and
/// another cannot approve the request; an approver on the other node can, once. Skipped where PostgreSQL is not installed.
/// </summary>
public sealed class PostgresApprovalStoreTests(PostgresChainFixture fixture) : IClassFixture<PostgresChainFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request_from_either_node_and_another_approver_can_once()
    {
        var database = await fixture.PrepareDatabaseAsync(Ct);
        await using var first = fixture.BuildNode(database);
        await using var second = fixture.BuildNode(database);
        var (here, there) = (new ApprovalStore(first.GetRequiredService<AuditTrail>()), new ApprovalStore(second.GetRequiredService<AuditTrail>()));
        var request = ApprovalStoreTests.Request();
        await here.CreateAsync(request, Ct);
        var now = ApprovalStoreTests.Now.AddMinutes(1);

        var ownHere = await here.DecideAsync(request.Id, ApprovalStoreTests.Requester, approve: true, null, now, now.AddHours(1), Ct);
        var ownThere = await there.DecideAsync(request.Id, ApprovalStoreTests.Requester, approve: true, null, now, now.AddHours(1), Ct);
        var decisions = await Task.WhenAll(
            there.DecideAsync(request.Id, ApprovalStoreTests.Approver, approve: true, "ok", now, now.AddHours(1), Ct),
            here.DecideAsync(request.Id, ApprovalStoreTests.OtherApprover, approve: false, "no", now, now.AddHours(1), Ct));

        Assert.Equal((ApprovalDecision.OwnRequest, ApprovalDecision.OwnRequest), (ownHere, ownThere));
        Assert.Single(decisions, d => d == ApprovalDecision.Decided);
        Assert.Single(decisions, d => d == ApprovalDecision.AlreadyDecided);
    }
}
