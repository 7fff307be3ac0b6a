using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// The one door every ending of this tab's acting session goes through, whatever its cause: acting stops first (ending
/// lowers privilege, so it never waits on or fails with the audit trail), staff are told why in the same render, and the
/// session ends on record with its cause; the first cause recorded stands, on whichever node. One per circuit.
/// </summary>
public sealed partial class SessionEnder(
    TokenState tokens,
    TabSession tab,
    ActingAudit audit,
    ActingStatus status,
    ActingSessionClock clock,
    ITabSessionStorage storage,
    ILogger<SessionEnder> logger)
{
    /// <summary>Ends the session in force in this tab (if any) with <paramref name="cause"/>.</summary>
    /// <param name="cause">Why; a session not in force here ends with <see cref="EndAsync(SessionEndCause, string, AuditEntry, AuditEntry[])"/>.</param>
    /// <param name="why">What ended it, as staff read it (a limit, a refusal); recorded as the end's detail.</param>
    public async Task EndAsync(SessionEndCause cause, string? why = null)
    {
        var user = tokens.Current.User;
        var id = tab.Id;
        // Read by the render the identity's change causes: the notice and the end show together.
        await status.SetNoticeAsync(Notice(cause, user, why), raise: user is null);
        clock.Stop();
        await tokens.ClearAsync();
        tab.Id = null;
        if (id is not null)
            await audit.EndSessionAsync(id, cause, EndRecord(cause, id, user, why));
        else if (user is not null)
            await audit.RecordBestEffortAsync(ActionOf(cause), AuditOutcome.Succeeded, user, detail: Detail(cause, why));
        await storage.SaveAsync(null);
        LogEnded(id ?? "(none)", cause);
    }

    /// <summary>
    /// Ends session <paramref name="id"/>, which is not (or no longer) in force here: the one a switch replaced, a
    /// switch's own that never took effect, or one a resume found it may not take up. <paramref name="endRecord"/> (see
    /// <see cref="EndRecord"/>) is written only if this ends it, <paramref name="alongside"/> either way, in one write.
    /// </summary>
    public async Task EndAsync(SessionEndCause cause, string id, AuditEntry endRecord, params AuditEntry[] alongside)
    {
        await audit.EndSessionAsync(id, cause, endRecord, alongside);
        LogEnded(id, cause);
    }

    /// <summary>The record of session <paramref name="id"/> ending with <paramref name="cause"/>, as every ending writes it.</summary>
    public AuditEntry EndRecord(SessionEndCause cause, string id, AIRiskUser? target, string? why = null) =>
        audit.Entry(ActionOf(cause), AuditOutcome.Succeeded, target, detail: Detail(cause, why), session: id);

    /// <summary>
    /// A write or heartbeat under session <paramref name="id"/> was refused: it ended elsewhere (another node, the
    /// sweeper) or another tab took it up. If it is still the one in force here, acting stops at once (no wait on the
    /// audit database); the session's record stays as it is. A refusal for a session no longer in force changes nothing.
    /// </summary>
    public async Task LostAsync(string id)
    {
        if (tab.Id != id)
            return;
        var user = tokens.Current.User;
        await status.SetNoticeAsync(new ActingNotice($"Stopped acting as {user?.DisplayName ?? "this user"}: this acting session was ended elsewhere or taken up in another tab."), raise: user is null);
        clock.Stop();
        await tokens.ClearAsync();
        tab.Id = null;
        await storage.SaveAsync(null);
        LogLost(id);
    }

    private static AuditAction ActionOf(SessionEndCause cause) => cause is SessionEndCause.Idle or SessionEndCause.Cap ? AuditAction.Expire : AuditAction.Stop;

    private static string Detail(SessionEndCause cause, string? why) => cause switch
    {
        SessionEndCause.Stopped => "stopped",
        SessionEndCause.Switched => "switched",
        SessionEndCause.TabClosed => "tab closed",
        SessionEndCause.TokenRefused => $"token refused: {why}",
        _ => why ?? cause.ToString(),
    };

    /// <summary>What staff are told when a session as <paramref name="user"/> ends with <paramref name="cause"/>.</summary>
    public static ActingNotice? Notice(SessionEndCause cause, AIRiskUser? user, string? why)
    {
        var name = user?.DisplayName ?? "this user";
        return cause switch
        {
            SessionEndCause.Stopped or SessionEndCause.TabClosed or SessionEndCause.Switched or SessionEndCause.NeverStarted => null,
            SessionEndCause.StaffSignedOut or SessionEndCause.StaffLostRole or SessionEndCause.StaffChanged => new(user is null
                ? $"You can no longer act as anyone: {why}. Sign in again to go on."
                : $"Stopped acting: {why}. Sign in again to go on."),
            SessionEndCause.TokenRefused => new($"Stopped acting as {name}: AIRisk refused to sign in as them again ({why})."),
            _ => new($"Stopped acting as {name}: {why}."),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Acting session {SessionId} ended: {Cause}")]
    private partial void LogEnded(string sessionId, SessionEndCause cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acting session {SessionId} ended elsewhere or was taken up in another tab; acting stopped here")]
    private partial void LogLost(string sessionId);
}
