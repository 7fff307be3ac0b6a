namespace AIRisk.Web.Audit;

/// <summary>What a staff member did, as recorded in the audit trail.</summary>
public enum AuditAction
{
    /// <summary>Started acting as a user (or was refused / failed to).</summary>
    ActAs,

    /// <summary>An acting session ended other than by its limits; the detail says why (stopped, switched, tab closed).</summary>
    Stop,

    /// <summary>The acting session ended by itself (idle timeout or hard cap).</summary>
    Expire,

    /// <summary>A write as the acting user: a new conversation, a question, feedback, a file.</summary>
    Write,

    /// <summary>A reload or reconnect of the same tab took up its acting session again.</summary>
    Resumed,

    /// <summary>The acting user's token was renewed (before expiry or after a 401), after the policy was checked again.</summary>
    TokenRenewed,

    /// <summary>Staff opened or exported the audit trail itself.</summary>
    AuditRead,

    /// <summary>Staff opened one of the user's conversations (which of a customer's conversations staff read).</summary>
    Viewed,

    /// <summary>A detection rule fired; <see cref="AuditEntry.Detail"/> is the alert as JSON (<see cref="Alerts.AlertRecord"/>).</summary>
    Alert,

    /// <summary>An auditor triaged an alert; <see cref="AuditEntry.Detail"/> is the alert's id and its new state as JSON.</summary>
    AlertTriaged,

    /// <summary>
    /// The internal note on an acting session's ticket (written at the session's end through the audit stream): recorded
    /// when it could not be written for good (the ticket system no longer has the ticket); the error says why.
    /// </summary>
    TicketNote,

    /// <summary>A staff member asked for a second person (<see cref="AuditEntry.Detail"/>: the request's id and why).</summary>
    ApprovalRequested,

    /// <summary>An approver decided a request: Succeeded approved it, Refused denied it (<see cref="AuditEntry.Reason"/>: the note); Failed: the attempt was refused.</summary>
    ApprovalDecided,

    /// <summary>A request nobody decided within <c>APPROVAL_REQUEST_MINUTES</c>.</summary>
    ApprovalExpired,

    /// <summary>The requester withdrew a request (or a newer click replaced it).</summary>
    ApprovalWithdrawn,

    /// <summary>Nobody answered in time and the requester proceeded alone (<see cref="AuditEntry.Reason"/>: their written reason).</summary>
    BreakGlass,
}
