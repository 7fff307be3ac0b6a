namespace AIRisk.Web.Tickets;

/// <summary>The ticket system could not answer as asked; the message is fit for staff (no token, no response body).</summary>
public sealed class TicketSystemException(TicketProblem problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public TicketProblem Problem { get; } = problem;
}
