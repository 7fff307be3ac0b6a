namespace AIRisk.Web.Approvals;

public static class ApprovalKeys
{
    public const string ApproverRole = "OPERATOR_APPROVER_ROLE";
    public const string RequestMinutes = "APPROVAL_REQUEST_MINUTES";
    public const string ValidMinutes = "APPROVAL_VALID_MINUTES";
    public const string BreakGlassMinutes = "APPROVAL_BREAK_GLASS_MINUTES";
}
