namespace AIRisk.Sandbox.Endpoints.Contracts;

/// <summary>
/// Body of <c>POST /sandbox/tickets</c> (a new ticket: <c>requester</c> required) and <c>PATCH /sandbox/tickets/{number}</c>
/// (what changes; <c>"assignee": ""</c> unassigns). Emails; a Zendesk status.
/// </summary>
internal sealed record TicketChange(string? Requester, string? Assignee, string? Status, string? Subject);
