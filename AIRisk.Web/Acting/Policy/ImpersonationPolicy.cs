using AIRisk.Core.Api;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Acting.Policy;

/// <summary>
/// Decides whether a staff member may act as a target user. A target is protected when any of their roles is
/// <see cref="ConsolePolicyOptions.ProtectedTargetRole"/>, and, failing closed, when no role of theirs could be read
/// (unless <c>PROTECTED_TARGET_UNKNOWN=allow</c>). With staff sign-in, a staff member who no longer holds the console's
/// role (found by revalidation) may act as nobody.
/// </summary>
public sealed class ImpersonationPolicy(IOptions<ConsolePolicyOptions> options, StaffSignInOptions? signIn = null) : IProtectedTargets
{
    /// <returns><c>null</c> when allowed, else why not (shown to staff and recorded).</returns>
    public string? Refusal(StaffMember staff, AIRiskUser target)
    {
        if (signIn is { IsConfigured: true, RequiredRole: { } required } && !staff.HasRole(required))
            return $"your staff sign-in no longer holds the role '{required}' (sign in again)";

        var policy = options.Value;
        if (staff.HasRole(policy.AdminRole) || Protection(target) is not { } what)
            return null;

        return policy.AdminRole is null
            ? $"acting as {what} is not allowed (set {ConsolePolicyKeys.AdminRole} to permit it for a staff role)"
            : $"acting as {what} needs the staff role '{policy.AdminRole}'";
    }

    /// <returns>What makes <paramref name="target"/> protected (<c>a Company Admin</c>), or <c>null</c> when nothing does.</returns>
    public string? Protection(AIRiskUser target)
    {
        var policy = options.Value;
        var roles = target.Roles.Count > 0 ? target.Roles : target.Role is { } single ? [single] : [];
        if (roles.Contains(policy.ProtectedTargetRole, StringComparer.OrdinalIgnoreCase))
            return $"a {policy.ProtectedTargetRole}";
        if (roles.Count == 0 && !policy.AllowUnknownTargetRole)
            return $"a user whose role could not be read (they may be a {policy.ProtectedTargetRole}; {ConsolePolicyKeys.ProtectedTargetUnknown}=allow permits it)";
        return null;
    }
}
