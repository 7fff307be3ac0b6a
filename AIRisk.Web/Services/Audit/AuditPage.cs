namespace AIRisk.Web.Services.Audit;

/// <summary>Newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);
