using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Approvals;

/// <summary>
/// The requester's side, one per circuit: asks for a second person and waits for the answer in the shared store
/// (checked every second, so a decision on any node reaches this tab without a reload), unless an approval of the same
/// target still stands. The wait ends with a decision, the request's expiry, a withdrawal, break-glass, or a newer click
/// (the switch's cancellation), which withdraws the request. While it waits, <see cref="Waiting"/> says so on screen.
/// </summary>
public sealed partial class ApprovalGate(
    IApprovalStore store,
    ApprovalAudit audit,
    ApprovalRule rule,
    IOptions<ApprovalOptions> options,
    AlertRaiser alerts,
    StaffContext staff,
    TimeProvider time,
    ILogger<ApprovalGate> logger)
{
    /// <summary>How often the wait reads its request.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>A break-glass reason is at least this long: a sentence, not a shrug.</summary>
    public const int BreakGlassMinimum = 20;

    private readonly ChangeNotifier _changes = new(logger);
    private TaskCompletionSource _poke = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _sessionId;
    private (string Session, Finding Finding, AlertPerson Requester)? _breakGlass;

    /// <summary>The request this tab waits on; <c>null</c> while none.</summary>
    public ApprovalWait? Waiting { get; private set; }

    /// <summary>The approval covering the act-as in force, if one does.</summary>
    public ApprovalGrant? Grant { get; private set; }

    /// <summary>Calls <paramref name="changed"/> after every change of <see cref="Waiting"/> until the handle is disposed.</summary>
    public IDisposable NotifyOnChange(Func<Task> changed) => _changes.Subscribe(changed);

    /// <summary>Whether an approval still lets <see cref="StaffContext.Current"/> act as <paramref name="target"/>, though protected, at <paramref name="now"/>.</summary>
    public bool Covers(AIRiskUser target, DateTimeOffset now) =>
        Grant is { } grant && grant.TargetUserId == target.Id && grant.Until > now && rule.ForProtectedTarget(staff.Current, target) is not null;

    /// <summary>
    /// At a resume (a reload): takes up an approval of <paramref name="target"/> that still stands for the staff member,
    /// or their break-glass: the session it let start was alerted and is reviewed as one, and goes on like any other.
    /// </summary>
    /// <returns>Whether it covers acting as <paramref name="target"/> now.</returns>
    public async Task<bool> ResumeAsync(AIRiskUser target, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (rule.ForProtectedTarget(staff.Current, target) is null || await store.StandingAsync(staff.Current.Id, target.Id, now, breakGlass: true, ct) is not { ValidUntil: { } until })
            return false;
        Grant = new ApprovalGrant(target.Id, until);
        return Covers(target, now);
    }

    /// <summary>Asks a second person to let <paramref name="requester"/> act as <paramref name="target"/>, and waits for the answer.</summary>
    /// <param name="why">Why approval is needed (<see cref="ApprovalRule"/>).</param>
    /// <param name="reason">The reason staff gave, if asked.</param>
    /// <param name="ticket">The ticket staff gave, if any.</param>
    /// <param name="sessionId">The acting session the act-as will start as: a break-glass alert names it.</param>
    /// <param name="ct">A newer click, or the caller giving up: the request is withdrawn.</param>
    /// <exception cref="Audit.AuditUnavailableException">The request could not be recorded, so it was not asked.</exception>
    public async Task<ApprovalOutcome> AwaitApprovalAsync(StaffMember requester, AIRiskUser target, string why, string? reason, string? ticket, string sessionId, CancellationToken ct)
    {
        _breakGlass = null;
        var now = time.GetUtcNow();
        // Not a break-glass: a new session without approval is alerted again, as its own.
        if (await store.StandingAsync(requester.Id, target.Id, now, breakGlass: false, ct) is { ValidUntil: { } until } standing)
        {
            Grant = new ApprovalGrant(target.Id, until);
            return new ApprovalOutcome(ApprovalStatus.Approved, standing.Id, standing.DecidedByName, standing.Note, until);
        }

        var o = options.Value;
        var request = new ApprovalRequest(Guid.NewGuid().ToString("N"), requester.Id, requester.Name, target.Id, target.DisplayName,
            target.Roles.Count > 0 ? target.Roles : target.Role is { } role ? [role] : [], why, reason, ticket, now, now + o.RequestLifetime, ApprovalStatus.Open);
        await audit.RequestedAsync(request, ct);
        await store.CreateAsync(request, ct);
        LogRequested(request.Id, requester.Id, target.Id);
        _sessionId = sessionId;
        await ShowAsync(new ApprovalWait(request, o.BreakGlassAfter is { } after ? now + after : null));
        try
        {
            return await WaitAsync(request, ct);
        }
        catch (OperationCanceledException)
        {
            if (await store.CloseAsync(request.Id, ApprovalStatus.Withdrawn, time.GetUtcNow(), CancellationToken.None))
                await audit.WithdrawnAsync(request, "replaced by a newer click");
            throw;
        }
        finally
        {
            _sessionId = null;
            await ShowAsync(null);
        }
    }

    /// <summary>
    /// The act-as this tab waited for has started as <paramref name="sessionId"/>, its start on record: a break-glass that
    /// let it go on is raised now, naming it, and every approver is told.
    /// </summary>
    public async Task StartedAsync(string sessionId)
    {
        if (_breakGlass is not { } breakGlass || breakGlass.Session != sessionId)
            return;
        _breakGlass = null;
        await alerts.RaiseAsync(breakGlass.Finding, breakGlass.Requester, sessionId);
    }

    /// <summary>The requester withdraws the request this tab waits on.</summary>
    public async Task WithdrawAsync()
    {
        if (Waiting is not { } wait)
            return;
        if (await store.CloseAsync(wait.Request.Id, ApprovalStatus.Withdrawn, time.GetUtcNow(), CancellationToken.None))
            await audit.WithdrawnAsync(wait.Request, "withdrawn by the requester");
        _poke.TrySetResult();
    }

    /// <summary>The requester proceeds without approval, with a written reason, once break-glass is open.</summary>
    /// <returns><c>null</c> when done (the wait goes on to acting), else why not.</returns>
    public async Task<string?> BreakGlassAsync(string? reason)
    {
        if (Waiting is not { } wait)
            return "no request is waiting";
        var now = time.GetUtcNow();
        var problem = wait.BreakGlassFrom is not { } from ? "break-glass is not enabled (APPROVAL_BREAK_GLASS_MINUTES)"
            : now < from ? $"break-glass is possible from {from:HH:mm:ss} UTC"
            : (reason?.Trim().Length ?? 0) < BreakGlassMinimum ? $"write a reason of at least {BreakGlassMinimum} characters"
            : null;
        if (problem is null && wait.BreakGlassFrom is { } openSince)
        {
            var written = reason!.Trim();
            var until = now + options.Value.ValidFor;
            if (!await store.BreakGlassAsync(wait.Request.Id, wait.Request.RequesterId, written, now, now - (openSince - wait.Request.Created), until, CancellationToken.None))
            {
                problem = "the request was decided meanwhile";
            }
            else
            {
                var session = _sessionId ?? "";
                await audit.BreakGlassAsync(wait.Request, written, session, CancellationToken.None);
                // Raised once the session's start record stands (StartedAsync): a start that fails leaves no alert naming it.
                _breakGlass = (session, BreakGlassFinding(wait.Request, written, session), new AlertPerson(wait.Request.RequesterId, wait.Request.RequesterName));
                LogBreakGlass(wait.Request.Id, wait.Request.RequesterId);
                _poke.TrySetResult();
                return null;
            }
        }

        await ShowAsync(wait with { Problem = problem });
        return problem;
    }

    private async Task<ApprovalOutcome> WaitAsync(ApprovalRequest request, CancellationToken ct)
    {
        while (true)
        {
            var poke = _poke.Task;
            await Task.WhenAny(Task.Delay(Every, time, ct), poke).WaitAsync(ct);
            if (poke.IsCompleted)
                _poke = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var now = time.GetUtcNow();
            var current = await store.GetAsync(request.Id, ct) ?? request;
            switch (current.Status)
            {
                case ApprovalStatus.Approved or ApprovalStatus.BreakGlass:
                    Grant = new ApprovalGrant(current.TargetUserId, current.ValidUntil ?? now);
                    return new ApprovalOutcome(current.Status, current.Id, current.DecidedByName, current.Note, current.ValidUntil);
                case ApprovalStatus.Denied or ApprovalStatus.Withdrawn or ApprovalStatus.Expired:
                    return new ApprovalOutcome(current.Status, current.Id, current.DecidedByName, current.Note);
            }

            if (current.Expires <= now)
            {
                if (await store.CloseAsync(request.Id, ApprovalStatus.Expired, now, CancellationToken.None))
                    await audit.ExpiredAsync(request);
                return new ApprovalOutcome(ApprovalStatus.Expired, request.Id);
            }

            if (Waiting is { BreakGlassFrom: { } from, BreakGlassOpen: false } wait && now >= from)
                await ShowAsync(wait with { BreakGlassOpen = true });
        }
    }

    private static Finding BreakGlassFinding(ApprovalRequest request, string reason, string session) => new(
        AlertRules.BreakGlass,
        AlertRules.BreakGlass,
        AlertSeverity.High,
        OnceSince: null,
        [new AlertPerson(request.TargetUserId, request.TargetUserName)],
        session.Length > 0 ? [session] : [],
        $"{request.RequesterName} acted as {request.TargetUserName} without approval (break-glass; {request.Why}): \"{reason}\". Review this session within 24 hours.");

    private Task ShowAsync(ApprovalWait? wait)
    {
        Waiting = wait;
        return _changes.NotifyAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Approval {RequestId} requested by {StaffId} to act as {UserId}")]
    private partial void LogRequested(string requestId, string staffId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approval {RequestId}: {StaffId} proceeded without approval (break-glass)")]
    private partial void LogBreakGlass(string requestId, string staffId);
}
