namespace AIRisk.Web.Audit;

/// <summary>Newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);
