using AIRisk.Core.Api;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>Why a session must end now, as recorded and as staff read it.</summary>
public sealed record SessionVerdict(SessionEndCause Cause, string Why);

/// <summary>
/// The rules of an acting session's life, as pure decisions that say why: who may take a session up again, and whether
/// one must end now (its limits, its target as AIRisk lists them now, the policy for the staff member as they are now).
/// A session lasts only while it could still start.
/// </summary>
public sealed class SessionRules(ImpersonationPolicy policy, IOptions<ConsolePolicyOptions> options)
{
    /// <returns><c>null</c> when <paramref name="staff"/> may take <paramref name="session"/> up in this tab, else why not.</returns>
    public static string? ResumeRefusal(ActingSessionRecord? session, StaffMember staff) =>
        session is null ? "unknown session"
        : session.HasEnded ? "session ended"
        : session.StaffId != staff.Id ? "another staff member's session"
        : null;

    /// <param name="staff">The staff member as revalidated last.</param>
    /// <param name="startedAs">The target as the session started (every role it had then).</param>
    /// <param name="listedNow">The target as AIRisk lists them now; <c>null</c> when they are no longer listed.</param>
    /// <param name="startedAt">When the session started.</param>
    /// <param name="lastActivity">When staff last did something in it.</param>
    /// <param name="now">Now.</param>
    /// <param name="approved">A second person's approval still covers acting as this protected target (<c>Approvals/</c>).</param>
    /// <returns><c>null</c> while the session may go on; else the first reason it may not, limits first.</returns>
    public SessionVerdict? EndVerdict(StaffMember staff, AIRiskUser startedAs, AIRiskUser? listedNow, DateTimeOffset startedAt, DateTimeOffset lastActivity, DateTimeOffset now, bool approved = false)
    {
        var limits = options.Value;
        if (now - startedAt >= limits.MaxSession)
            return new(SessionEndCause.Cap, $"the {limits.MaxSession.TotalMinutes:0}-minute limit of an acting session was reached");
        if (now - lastActivity >= limits.IdleTimeout)
            return new(SessionEndCause.Idle, $"no activity for {limits.IdleTimeout.TotalMinutes:0} min");
        if (listedNow is null)
            return new(SessionEndCause.TargetNotFound, $"{startedAs.DisplayName} is no longer in AIRisk's user list");
        if (approved || policy.Refusal(staff, listedNow) is not { } refusal)
            return null;
        // Allowed as they were, refused as they are: the target changed. Refused either way: the staff member did.
        return policy.Refusal(staff, startedAs) is null
            ? new(SessionEndCause.TargetNowProtected, refusal)
            : new(SessionEndCause.StaffLostRole, refusal);
    }
}
