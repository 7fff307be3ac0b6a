namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Where an audit record falls in OCSF 1.6: its class, category and activity (<c>type_uid</c> = class × 100 + activity).
/// </summary>
public sealed record OcsfClass(int ClassUid, string ClassName, int CategoryUid, string CategoryName, int ActivityId, string ActivityName)
{
    public const int Authentication = 3002;
    public const int ApiActivity = 6003;
    public const int DetectionFinding = 2004;

    public long TypeUid => ClassUid * 100L + ActivityId;

    public string TypeName => $"{ClassName}: {ActivityName}";

    /// <summary>
    /// Starting to act as a user and taking a session up again are Authentication's Account Switch (added in 1.6) of
    /// type Impersonate: staff act in the user's context through AIRisk's user-specific token. Its end is a Logoff. A
    /// token renewal belongs to the same session but is none of Authentication's activities (Other). Reading a
    /// conversation, reading the trail itself and writing as the user are API Activity: Read, or Create (every write
    /// the console makes adds something: a conversation, a question, feedback, a file; so does a note on a ticket). An alert
    /// is a Detection Finding, created when its rule fires and updated when an auditor triages it. A request for a second
    /// person is API Activity: Create; its decision, expiry, withdrawal or break-glass an Update of it.
    /// </summary>
    public static OcsfClass Of(AuditAction action) => action switch
    {
        AuditAction.ActAs or AuditAction.Resumed => new(Authentication, "Authentication", 3, "Identity & Access Management", 7, "Account Switch"),
        AuditAction.Stop or AuditAction.Expire => new(Authentication, "Authentication", 3, "Identity & Access Management", 2, "Logoff"),
        AuditAction.TokenRenewed => new(Authentication, "Authentication", 3, "Identity & Access Management", 99, "Other"),
        AuditAction.Viewed or AuditAction.AuditRead => new(ApiActivity, "API Activity", 6, "Application Activity", 2, "Read"),
        AuditAction.Write or AuditAction.TicketNote => new(ApiActivity, "API Activity", 6, "Application Activity", 1, "Create"),
        AuditAction.Alert => new(DetectionFinding, "Detection Finding", 2, "Findings", 1, "Create"),
        AuditAction.ApprovalRequested => new(ApiActivity, "API Activity", 6, "Application Activity", 1, "Create"),
        AuditAction.ApprovalDecided or AuditAction.ApprovalExpired or AuditAction.ApprovalWithdrawn or AuditAction.BreakGlass
            => new(ApiActivity, "API Activity", 6, "Application Activity", 3, "Update"),
        AuditAction.AlertTriaged => new(DetectionFinding, "Detection Finding", 2, "Findings", 2, "Update"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No OCSF class for this action."),
    };
}
