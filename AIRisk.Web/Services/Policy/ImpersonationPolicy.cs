using AIRisk.Core.Api;
using AIRisk.Web.Services.Identity;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Policy;

/// <summary>Decides whether a staff member may act as a target user.</summary>
public sealed class ImpersonationPolicy(IOptions<ConsolePolicyOptions> options)
{
    /// <returns><c>null</c> when allowed, else why not (shown to staff and recorded).</returns>
    public string? Refusal(StaffMember staff, AIRiskUser target)
    {
        var policy = options.Value;
        if (string.Equals(target.Role, policy.ProtectedTargetRole, StringComparison.OrdinalIgnoreCase) && !staff.HasRole(policy.AdminRole))
        {
            return policy.AdminRole is null
                ? $"acting as a {policy.ProtectedTargetRole} is not allowed (set OPERATOR_ADMIN_ROLE to permit it for a staff role)"
                : $"acting as a {policy.ProtectedTargetRole} needs the staff role '{policy.AdminRole}'";
        }

        return null;
    }
}
