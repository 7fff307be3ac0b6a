namespace AIRisk.Sandbox.Data.Tickets;

/// <summary>A comment a ticket received through the API: a Zendesk ticket update or a Jira request comment.</summary>
/// <param name="AuthorEmail">The email the API credentials belong to.</param>
/// <param name="Via"><c>zendesk</c> or <c>jira</c>: which API wrote it.</param>
public sealed record TicketNote(long TicketNumber, string Body, bool Public, string AuthorEmail, string Via, DateTimeOffset At);
