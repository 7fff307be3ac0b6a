using AIRisk.Web.Audit;

namespace AIRisk.Web.Approvals;

/// <summary>
/// The open requests every approver's badge and list show, live (see <see cref="LiveFeed{T}"/>); requests past their
/// expiry that nobody waits for any more (a closed tab) are closed and recorded on the way, once across nodes.
/// </summary>
public sealed partial class ApprovalFeed(IApprovalStore store, ApprovalAudit audit, TimeProvider time, ILogger<ApprovalFeed> logger)
    : LiveFeed<IReadOnlyList<ApprovalRequest>>([], time)
{
    /// <summary>The open requests, oldest first, as last read.</summary>
    public IReadOnlyList<ApprovalRequest> Open => Current;

    protected override async Task<IReadOnlyList<ApprovalRequest>> ReadAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        foreach (var due in await store.DueToExpireAsync(now, ct))
        {
            if (await store.CloseAsync(due.Id, ApprovalStatus.Expired, now, ct))
                await audit.ExpiredAsync(due);
        }

        return await store.OpenAsync(now, ct);
    }

    protected override bool SameAs(IReadOnlyList<ApprovalRequest> read, IReadOnlyList<ApprovalRequest> shown) =>
        read.Select(r => r.Id).SequenceEqual(shown.Select(r => r.Id));

    protected override void OnUnavailable(AuditUnavailableException exception) => LogUnavailable(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The approval requests could not be read; lists keep what they showed")]
    private partial void LogUnavailable(Exception exception);
}
