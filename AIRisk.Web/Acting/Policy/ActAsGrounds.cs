namespace AIRisk.Web.Acting.Policy;

/// <summary>What staff give for acting as someone: the ticket that asks for it, and why, in their words.</summary>
/// <param name="Ticket">A Zendesk id or Jira key; <c>null</c> when none was given.</param>
/// <param name="Reason">Free text; <c>null</c> when none was asked for or given.</param>
public sealed record ActAsGrounds(string? Ticket, string? Reason)
{
    public static ActAsGrounds None { get; } = new(null, null);
}
