using AIRisk.Core.Api;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Approvals;

/// <summary>
/// When an act-as the console would refuse may instead wait for a second person: only with an approver role set
/// (<c>OPERATOR_APPROVER_ROLE</c>; unset, the exceptions are refused as before), and never for a staff member who lost
/// the console's own role (that is no exception: they may act as nobody). Each answer is why approval is needed, as the
/// request shows it to approvers and the trail records it.
/// </summary>
public sealed class ApprovalRule(IOptions<ApprovalOptions> options, IProtectedTargets targets, StaffSignInOptions? signIn = null)
{
    /// <summary>After the acting policy refused <paramref name="target"/>: approval instead, when the refusal was that the target is protected.</summary>
    /// <returns>Why approval is needed, or <c>null</c> when the refusal stands.</returns>
    public string? ForProtectedTarget(StaffMember staff, AIRiskUser target)
    {
        if (!options.Value.IsEnabled || LostConsoleRole(staff) || targets.Protection(target) is not { } what)
            return null;
        return $"acting as {what}";
    }

    /// <summary>After the fan-out rule refused a new user past twice its limit: approval instead.</summary>
    public string? ForFanOut(StaffMember staff, string refusal) =>
        options.Value.IsEnabled && !LostConsoleRole(staff) ? $"fan-out: {refusal}" : null;

    /// <summary>When <c>TICKET_REQUIRED=true</c> and no fitting ticket was given: approval instead of the refusal.</summary>
    public string? ForMissingTicket(StaffMember staff, string whyNotFitting) =>
        options.Value.IsEnabled && !LostConsoleRole(staff) ? $"no fitting ticket: {whyNotFitting}" : null;

    /// <summary>Whether <paramref name="staff"/> may decide requests (at the moment of deciding: the role as revalidated last).</summary>
    public bool IsApprover(StaffMember staff) =>
        options.Value.ApproverRole is { } role && !staff.IsLocal && staff.Roles.Contains(role) && !LostConsoleRole(staff);

    private bool LostConsoleRole(StaffMember staff) =>
        signIn is { IsConfigured: true, RequiredRole: { } required } && !staff.HasRole(required);
}
