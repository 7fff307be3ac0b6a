namespace AIRisk.Web.Alerts.Detection;

/// <summary>An alert already in the trail, as far as deciding whether a finding is new needs it.</summary>
public sealed record RaisedAlert(string? Key, string? Session, DateTimeOffset At)
{
    /// <returns>Whether <paramref name="finding"/> is new: no alert of its kind (and session) stands within its window.</returns>
    public static bool IsNew(Finding finding, IEnumerable<RaisedAlert> raised) =>
        finding.OnceSince is not { } since
        || !raised.Any(a => a.Key == finding.Key && a.At >= since && (finding.Session is null || a.Session == finding.Session));
}
