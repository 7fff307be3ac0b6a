namespace AIRisk.Web.Tickets;

/// <summary>
/// A support ticket as the console needs it to decide whether it fits an acting session: whether it is still open,
/// who works it and who asked.
/// </summary>
/// <param name="Id">The ticket's id as staff type it: a Zendesk number (<c>123</c>) or a Jira key (<c>SUP-42</c>).</param>
/// <param name="Status">The ticket system's own word for its state (<c>open</c>, <c>solved</c>, <c>Done</c>), shown to staff.</param>
/// <param name="IsOpen"><c>false</c> when solved or closed (Zendesk) or in the <c>done</c> status category (Jira).</param>
/// <param name="AssigneeEmail">The assignee's email; <c>null</c> when unassigned.</param>
/// <param name="RequesterEmail">The requester's (Jira: reporter's) email; <c>null</c> when the ticket system hides it.</param>
public sealed record Ticket(string Id, string Status, bool IsOpen, string? AssigneeEmail, string? RequesterEmail);
