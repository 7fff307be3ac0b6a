namespace AIRisk.Web.Tickets;

/// <summary>What went wrong asking the ticket system, so callers decide without parsing messages.</summary>
public enum TicketProblem
{
    /// <summary>No such ticket (404), or an id of the wrong shape.</summary>
    NotFound,

    /// <summary>The ticket system refused the console's credentials (401, 403).</summary>
    Unauthorized,

    /// <summary>Too many requests (429).</summary>
    RateLimited,

    /// <summary>A 5xx, no connection, or no answer in time.</summary>
    Unavailable,

    /// <summary>An answer that is not the documented JSON.</summary>
    Malformed,
}
