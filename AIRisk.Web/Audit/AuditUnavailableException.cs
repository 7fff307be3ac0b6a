namespace AIRisk.Web.Audit;

/// <summary>The audit trail could not record an event; what it guarded must not happen (fail closed).</summary>
public sealed class AuditUnavailableException : Exception
{
    public AuditUnavailableException() : this("The audit trail is unavailable.") { }

    public AuditUnavailableException(string message) : base(message) { }

    public AuditUnavailableException(string message, Exception? innerException) : base(message, innerException) { }
}
