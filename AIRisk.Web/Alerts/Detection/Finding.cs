namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// What one rule found, before it is raised as an <see cref="Alert"/>.
/// </summary>
/// <param name="Rule">One of <see cref="AlertRules"/>.</param>
/// <param name="Key">Tells this finding's kind apart on record (the alert record's reason): <c>fan-out/short</c>, <c>audit-health/chain</c>.</param>
/// <param name="OnceSince">
/// The start of the window this finding belongs to: it is raised only if no alert with the same key (and, with
/// <paramref name="Session"/>, in the same session) stands since then. <c>null</c>: every time (one per session).
/// </param>
/// <param name="Session">The acting session the finding is about, when it is about one.</param>
public sealed record Finding(
    string Rule,
    string Key,
    AlertSeverity Severity,
    DateTimeOffset? OnceSince,
    IReadOnlyList<AlertPerson> Targets,
    IReadOnlyList<string> Sessions,
    string Summary,
    string? Session = null);
