using System.Globalization;
using System.Text;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;

namespace AIRisk.Web.Tickets.Notes;

/// <summary>
/// The internal note a ticket gets when an acting session started for it ends: who acted as whom, when and how long,
/// the conversations viewed, the writes made as the user, and a link to the session's timeline. Plain text (both
/// Zendesk's and Jira's comment bodies take it); it opens with the session id, so a note delivered twice (the outbox is
/// at-least-once) reads as the same note.
/// </summary>
internal static class SessionNote
{
    /// <param name="records">The session's audit records, in any order.</param>
    /// <param name="timeline">Where the session's timeline opens in the console.</param>
    public static string Compose(ActingSessionRecord session, AuditEntry end, IReadOnlyList<AuditEntry> records, string timeline)
    {
        var ended = session.EndedUtc ?? end.AtUtc;
        var inOrder = records.OrderBy(r => r.Seq).ThenBy(r => r.AtUtc).ToList();
        var viewed = inOrder.Where(r => r is { Action: AuditAction.Viewed, Detail: not null }).Select(r => r.Detail!).Distinct().ToList();
        var writes = inOrder.Where(r => r is { Action: AuditAction.Write, Outcome: AuditOutcome.Succeeded or AuditOutcome.Failed }).ToList();

        var note = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"AIRisk Console acting session {session.Id} ended.")
            .AppendLine(CultureInfo.InvariantCulture, $"Staff member: {session.StaffName} ({session.StaffId})")
            .AppendLine(CultureInfo.InvariantCulture, $"Acted as: {session.Target.DisplayName} ({session.Target.Id})")
            .AppendLine(CultureInfo.InvariantCulture, $"Reason: {session.Reason ?? "(none given)"}")
            .AppendLine(CultureInfo.InvariantCulture, $"Started: {Utc(session.StartedUtc)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Ended: {Utc(ended)} ({end.Detail ?? session.EndCause?.ToString() ?? end.Action.ToString()})")
            .AppendLine(CultureInfo.InvariantCulture, $"Duration: {Duration(ended - session.StartedUtc)}")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Conversations viewed ({viewed.Count}):");
        foreach (var conversation in viewed)
            note.AppendLine(CultureInfo.InvariantCulture, $"- {conversation}");
        if (viewed.Count == 0)
            note.AppendLine("- none");

        note.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Writes made as the user ({writes.Count}):");
        foreach (var write in writes)
            note.AppendLine(CultureInfo.InvariantCulture, $"- {Utc(write.AtUtc)}: {write.Detail}{(write.Outcome == AuditOutcome.Failed ? $" (failed: {write.Error})" : "")}");
        if (writes.Count == 0)
            note.AppendLine("- none");

        return note.AppendLine().Append(CultureInfo.InvariantCulture, $"Timeline: {timeline}").ToString();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min {span.Seconds} s")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min {span.Seconds} s");
    }
}
