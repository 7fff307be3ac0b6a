using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using Microsoft.EntityFrameworkCore;

namespace AIRisk.Web.Approvals;

/// <summary>
/// Requests for a second person in the shared audit database, so every node's approvers see every node's requests.
/// Each decision is one UPDATE whose WHERE holds the rules (still open, not expired, not the decider's own request),
/// so the first decision wins and two tabs or two nodes cannot get round them; the database's CHECK and trigger refuse
/// the same for any other writer.
/// </summary>
internal sealed class ApprovalStore(AuditTrail trail) : IApprovalStore
{
    private static readonly string Open = ApprovalRequest.StatusText(ApprovalStatus.Open);
    private static readonly string Approved = ApprovalRequest.StatusText(ApprovalStatus.Approved);
    private static readonly string BreakGlass = ApprovalRequest.StatusText(ApprovalStatus.BreakGlass);

    public Task CreateAsync(ApprovalRequest request, CancellationToken ct) => WriteAsync(async db =>
    {
        db.ApprovalRequests.Add(request.ToRow());
        await db.SaveChangesAsync(ct);
        return 0;
    }, ct);

    public Task<ApprovalRequest?> GetAsync(string id, CancellationToken ct) => ReadAsync(async db =>
        await db.ApprovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } row ? ApprovalRequest.FromRow(row) : null, ct);

    public Task<IReadOnlyList<ApprovalRequest>> OpenAsync(DateTimeOffset now, CancellationToken ct) => ReadAsync<IReadOnlyList<ApprovalRequest>>(async db =>
    {
        var rows = await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.Status == Open && r.ExpiresUtcTicks > now.UtcTicks)
            .OrderBy(r => r.CreatedUtcTicks).ToListAsync(ct);
        return [.. rows.Select(ApprovalRequest.FromRow)];
    }, ct);

    public Task<ApprovalRequest?> StandingAsync(string requesterId, string targetUserId, DateTimeOffset now, bool breakGlass, CancellationToken ct) => ReadAsync(async db =>
        await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.RequesterId == requesterId && r.TargetUserId == targetUserId && (r.Status == Approved || (breakGlass && r.Status == BreakGlass))
                && r.ValidUntilUtcTicks > now.UtcTicks)
            .OrderByDescending(r => r.ValidUntilUtcTicks).FirstOrDefaultAsync(ct) is { } row ? ApprovalRequest.FromRow(row) : null, ct);

    public async Task<ApprovalDecision> DecideAsync(string id, StaffMember decider, bool approve, string? note, DateTimeOffset now, DateTimeOffset validUntil, CancellationToken ct)
    {
        var status = ApprovalRequest.StatusText(approve ? ApprovalStatus.Approved : ApprovalStatus.Denied);
        long? valid = approve ? validUntil.UtcTicks : null;
        var changed = await WriteAsync(db => db.ApprovalRequests
            .Where(r => r.Id == id && r.Status == Open && r.ExpiresUtcTicks > now.UtcTicks && r.RequesterId != decider.Id)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.DecidedById, decider.Id)
                .SetProperty(r => r.DecidedByName, decider.Name)
                .SetProperty(r => r.Note, note)
                .SetProperty(r => r.DecidedUtcTicks, now.UtcTicks)
                .SetProperty(r => r.ValidUntilUtcTicks, valid), ct), ct);
        return changed == 1 ? ApprovalDecision.Decided : await WhyUndecidedAsync(id, decider.Id, now, ct);
    }

    public Task<bool> CloseAsync(string id, ApprovalStatus status, DateTimeOffset now, CancellationToken ct)
    {
        var text = ApprovalRequest.StatusText(status);
        var expiring = status == ApprovalStatus.Expired;
        return WriteAsync(async db => await db.ApprovalRequests
            .Where(r => r.Id == id && r.Status == Open && (!expiring || r.ExpiresUtcTicks <= now.UtcTicks))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, text).SetProperty(r => r.DecidedUtcTicks, now.UtcTicks), ct) == 1, ct);
    }

    public Task<bool> BreakGlassAsync(string id, string requesterId, string reason, DateTimeOffset now, DateTimeOffset openSince, DateTimeOffset validUntil, CancellationToken ct)
    {
        var text = ApprovalRequest.StatusText(ApprovalStatus.BreakGlass);
        return WriteAsync(async db => await db.ApprovalRequests
            .Where(r => r.Id == id && r.RequesterId == requesterId && r.Status == Open && r.ExpiresUtcTicks > now.UtcTicks && r.CreatedUtcTicks <= openSince.UtcTicks)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, text)
                .SetProperty(r => r.Note, reason)
                .SetProperty(r => r.DecidedUtcTicks, now.UtcTicks)
                .SetProperty(r => r.ValidUntilUtcTicks, validUntil.UtcTicks), ct) == 1, ct);
    }

    public Task<IReadOnlyList<ApprovalRequest>> DueToExpireAsync(DateTimeOffset now, CancellationToken ct) => ReadAsync<IReadOnlyList<ApprovalRequest>>(async db =>
    {
        var rows = await db.ApprovalRequests.AsNoTracking().Where(r => r.Status == Open && r.ExpiresUtcTicks <= now.UtcTicks).ToListAsync(ct);
        return [.. rows.Select(ApprovalRequest.FromRow)];
    }, ct);

    private async Task<ApprovalDecision> WhyUndecidedAsync(string id, string deciderId, DateTimeOffset now, CancellationToken ct) =>
        await GetAsync(id, ct) switch
        {
            null => ApprovalDecision.NotFound,
            { RequesterId: var requester } when requester == deciderId => ApprovalDecision.OwnRequest,
            { Status: not ApprovalStatus.Open } => ApprovalDecision.AlreadyDecided,
            { Expires: var expires } when expires <= now => ApprovalDecision.Expired,
            _ => ApprovalDecision.AlreadyDecided,
        };

    private async Task<T> ReadAsync<T>(Func<AuditDbContext, Task<T>> read, CancellationToken ct)
    {
        try
        {
            return await trail.RunAsync(read, ct);
        }
        catch (Exception e) when (AuditTrail.IsUnavailable(e))
        {
            throw trail.Unavailable("the approval requests could not be read from the audit database", e, write: false);
        }
    }

    private async Task<T> WriteAsync<T>(Func<AuditDbContext, Task<T>> write, CancellationToken ct)
    {
        try
        {
            return await trail.RunAsync(write, ct);
        }
        catch (Exception e) when (AuditTrail.IsUnavailable(e))
        {
            throw trail.Unavailable("the approval request could not be written to the audit database", e, write: true);
        }
    }
}
