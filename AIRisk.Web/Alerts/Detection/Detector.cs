using AIRisk.Core.Api;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>
/// The detection rules at the moments they are evaluated: at each act-as before its token is requested (fan-out,
/// sensitive target, off-hours; fan-out may refuse it), after each refused act-as (probing), and after each view or
/// write recorded in a session (read volume, off-hours). Facts come from the shared audit trail; a finding is raised
/// only if no alert of its kind stands in its window (deduplicated against the trail, so a second node does not raise it
/// again). When the trail cannot be read the rules find nothing and refuse nothing: detection never blocks more than
/// the audit trail itself does (an act-as whose start cannot be recorded does not happen anyway).
/// </summary>
public sealed partial class Detector(
    DetectionOptions options,
    IDetectionFacts facts,
    FanOutRule fanOut,
    SensitiveTargetRule sensitiveTarget,
    OffHoursRule offHours,
    ProbingRule probing,
    ReadVolumeRule readVolume,
    AlertRaiser raiser,
    TimeProvider time,
    ILogger<Detector> logger)
{
    /// <summary>At an act-as of <paramref name="target"/>, before its session starts: what the rules find, and whether fan-out refuses it.</summary>
    public async Task<ActAsDetection> CheckActAsAsync(StaffMember staff, AIRiskUser target, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        List<Finding> found = [.. Present(sensitiveTarget.Find(staff.Name, target), offHours.Find(staff.Name, "acted as", target, session: null, now))];
        try
        {
            var seen = await facts.TargetsAsync(staff.Id, now - options.FanOutLimits.Max(l => l.Window), ct);
            found.AddRange(fanOut.Findings(staff.Name, seen, target, now));
            return new ActAsDetection(fanOut.Refusal(seen, target, now), await NewAsync(staff.Id, found, ct));
        }
        catch (Exception e) when (Unreadable(e))
        {
            LogUnavailable(e, "act-as", staff.Id);
            return new ActAsDetection(null, [.. found.Where(f => f.OnceSince is null)]);
        }
    }

    /// <summary>Raises what <see cref="CheckActAsAsync"/> found, in <paramref name="session"/> once it has started (<c>null</c>: refused).</summary>
    public async Task RaiseAsync(StaffMember staff, IReadOnlyList<Finding> findings, string? session)
    {
        foreach (var finding in findings)
            await raiser.RaiseAsync(finding, Person(staff), session);
    }

    /// <summary>After a refused act-as is on record: raises <paramref name="findings"/> of its check, if any, and probing.</summary>
    public async Task AfterRefusalAsync(StaffMember staff, IReadOnlyList<Finding> findings)
    {
        await RaiseAsync(staff, findings, session: null);
        var now = time.GetUtcNow();
        try
        {
            var refusals = await facts.RefusalsAsync(staff.Id, now - options.ProbingWindow, CancellationToken.None);
            await RaiseAsync(staff, await NewAsync(staff.Id, [.. Present(probing.Find(staff.Name, refusals, now))], CancellationToken.None), session: null);
        }
        catch (Exception e) when (Unreadable(e))
        {
            LogUnavailable(e, "refusal", staff.Id);
        }
    }

    /// <summary>After <paramref name="entry"/>, a view or a write in an acting session, is on record: read volume and off-hours.</summary>
    public async Task AfterActivityAsync(StaffMember staff, AuditEntry entry)
    {
        if (entry is not { Action: AuditAction.Viewed or AuditAction.Write, SessionId: { } session })
            return;
        var now = time.GetUtcNow();
        var target = entry.TargetUserId is { } id ? new AIRiskUser(id, entry.TargetUserName ?? id) : null;
        var what = entry.Action == AuditAction.Viewed ? "viewed a conversation of" : "wrote as";
        try
        {
            var viewed = entry.Action == AuditAction.Viewed ? readVolume.Find(staff.Name, target, session, await facts.ConversationsViewedAsync(session, CancellationToken.None)) : null;
            var found = await NewAsync(staff.Id, [.. Present(viewed, offHours.Find(staff.Name, what, target, session, now))], CancellationToken.None);
            await RaiseAsync(staff, found, session);
        }
        catch (Exception e) when (Unreadable(e))
        {
            LogUnavailable(e, entry.Action.ToString(), staff.Id);
        }
    }

    public static AlertPerson Person(StaffMember staff) => new(staff.Id, staff.Name);

    /// <summary>The findings not raised yet in their window: one query for the staff member's alerts, one per session rule's session.</summary>
    private async Task<IReadOnlyList<Finding>> NewAsync(string staffId, IReadOnlyList<Finding> found, CancellationToken ct)
    {
        if (found.All(f => f.OnceSince is null))
            return found;
        List<RaisedAlert> raised = [];
        if (found.Where(f => f is { OnceSince: not null, Session: null }).Select(f => f.OnceSince!.Value).ToList() is { Count: > 0 } windows)
            raised.AddRange(await facts.AlertsAsync(staffId, windows.Min(), ct));
        foreach (var session in found.Where(f => f is { OnceSince: not null, Session: not null }).Select(f => f.Session!).Distinct())
            raised.AddRange(await facts.SessionAlertsAsync(session, ct));

        List<Finding> fresh = [];
        foreach (var finding in found.Where(f => RaisedAlert.IsNew(f, raised)))
        {
            // A fan-out concerns every session of its window, which only a finding about to be raised needs to know.
            fresh.Add(finding is { Rule: AlertRules.FanOut, OnceSince: { } since }
                ? finding with { Sessions = await facts.SessionsAsync(staffId, since, ct) }
                : finding);
        }

        return fresh;
    }

    private static bool Unreadable(Exception e) => e is AuditUnavailableException || AuditTrail.IsUnavailable(e);

    private static IEnumerable<Finding> Present(params Finding?[] findings) => findings.OfType<Finding>();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detection skipped at {Moment} of {StaffId}: the audit trail could not be read")]
    private partial void LogUnavailable(Exception exception, string moment, string staffId);
}
