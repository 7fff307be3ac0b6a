namespace AIRisk.Web.Audit;

/// <summary>
/// How a ticket is named in an audit record's detail (<c>ticket SUP-42</c>), so that the audit page finds an attempt
/// refused for its ticket as well as the sessions started for it.
/// </summary>
public static class AuditTicket
{
    public const string Prefix = "ticket ";

    public static string Of(string ticket) => Prefix + ticket;

    /// <summary>The detail of a session's start: its id and its ticket, or "no ticket" where tickets are on.</summary>
    public static string Start(string sessionId, string? ticket, bool ticketsOn) =>
        !ticketsOn ? $"session {sessionId}" : $"session {sessionId}, {(ticket is null ? "no ticket" : Of(ticket))}";
}
