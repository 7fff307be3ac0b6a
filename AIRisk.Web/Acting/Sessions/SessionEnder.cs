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
    IActingSessionStore sessions,
    ILogger<SessionEnder> logger)
{
    /// <summary>Ends the session in force in this tab (if any) with <paramref name="cause"/>.</summary>
    /// <param name="cause">Why; <see cref="SessionEndCause.Switched"/> and <see cref="SessionEndCause.NeverStarted"/> end a session no longer in force, with <see cref="EndAsync(SessionEndCause, string, AIRiskUser?, AuditEntry[])"/>.</param>
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
            await audit.EndSessionAsync(id, cause, audit.Entry(ActionOf(cause), AuditOutcome.Succeeded, user, detail: Detail(cause, why), session: id));
        else if (user is not null)
            await audit.RecordBestEffortAsync(ActionOf(cause), AuditOutcome.Succeeded, user, detail: Detail(cause, why));
        await storage.SaveAsync(null);
        LogEnded(id ?? "(none)", cause);
    }

    /// <summary>
    /// Ends session <paramref name="id"/>, no longer in force here: the one a switch replaced (with the new one's success
    /// record <paramref name="alongside"/>, in the same write), or a switch's own that never took effect.
    /// </summary>
    public async Task EndAsync(SessionEndCause cause, string id, AIRiskUser? target, params AuditEntry[] alongside)
    {
        var endRecord = cause == SessionEndCause.NeverStarted ? null : audit.Entry(ActionOf(cause), AuditOutcome.Succeeded, target, detail: Detail(cause, null), session: id);
        await audit.EndSessionAsync(id, cause, endRecord, alongside);
        LogEnded(id, cause);
    }

    /// <summary>
    /// A write or heartbeat under the tab's session was refused: the session ended elsewhere (another node, the sweeper)
    /// or another tab took it over. Acting stops here; the session's record stays as it is.
    /// </summary>
    public async Task LostAsync()
    {
        var user = tokens.Current.User;
        var id = tab.Id;
        var record = id is null ? null : await FindAsync(id);
        var why = record?.EndCause is { } cause ? $"it was ended elsewhere ({cause})" : "it was taken up in another tab";
        await status.SetNoticeAsync(new ActingNotice($"Stopped acting as {user?.DisplayName ?? "this user"}: {why}."), raise: user is null);
        clock.Stop();
        await tokens.ClearAsync();
        tab.Id = null;
        await storage.SaveAsync(null);
        LogLost(id ?? "(none)", why);
    }

    private async Task<ActingSessionRecord?> FindAsync(string id)
    {
        try
        {
            return await sessions.FindAsync(id, CancellationToken.None);
        }
        catch (AuditUnavailableException)
        {
            return null;
        }
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

    private static ActingNotice? Notice(SessionEndCause cause, AIRiskUser? user, string? why)
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acting session {SessionId} lost here: {Why}")]
    private partial void LogLost(string sessionId, string why);
}
