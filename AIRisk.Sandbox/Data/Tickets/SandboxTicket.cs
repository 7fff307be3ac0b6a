namespace AIRisk.Sandbox.Data.Tickets;

/// <summary>
/// A ticket of the sandbox's ticket system, served as Zendesk ticket <see cref="Number"/> and as Jira issue
/// <see cref="JiraKey"/>. A snapshot: <see cref="TicketDesk"/> replaces it on every change.
/// </summary>
/// <param name="Status">Zendesk's word: <c>new</c>, <c>open</c>, <c>pending</c>, <c>hold</c>, <c>solved</c> or <c>closed</c>.</param>
/// <param name="AssigneeEmail"><c>null</c>: unassigned.</param>
public sealed record SandboxTicket(long Number, string Subject, string Status, string RequesterEmail, string? AssigneeEmail)
{
    public const string JiraProject = "SUP";

    public string JiraKey => $"{JiraProject}-{Number}";
}
