namespace AIRisk.Web.Services.Audit;

/// <summary>What a staff member did, as recorded in the audit trail.</summary>
public enum AuditAction
{
    /// <summary>Started acting as a user (or was refused / failed to).</summary>
    ActAs,

    /// <summary>Stopped acting.</summary>
    Stop,

    /// <summary>The acting session ended by itself (idle timeout or hard cap).</summary>
    Expire,

    /// <summary>A write as the acting user: a new conversation, a question, feedback, a file.</summary>
    Write,
}
