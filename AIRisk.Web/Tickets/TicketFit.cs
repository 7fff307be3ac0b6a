namespace AIRisk.Web.Tickets;

/// <summary>
/// Whether a ticket fits an acting session: open, assigned to the staff member and asked for by the user acted as,
/// both matched by email (case-insensitive). Without staff sign-in there is no staff email, so only the requester is
/// checked.
/// </summary>
public static class TicketFit
{
    /// <returns><c>null</c> when the ticket fits, else why not (shown to staff and recorded).</returns>
    public static string? Misfit(Ticket ticket, string? staffEmail, bool staffIsLocal, string? targetEmail)
    {
        if (!ticket.IsOpen)
            return $"ticket {ticket.Id} is {ticket.Status}";
        if (!staffIsLocal && (staffEmail is null || !SameEmail(ticket.AssigneeEmail, staffEmail)))
            return staffEmail is null
                ? $"ticket {ticket.Id} cannot be matched to you: your staff sign-in has no email"
                : $"ticket {ticket.Id} is not assigned to you";
        if (targetEmail is null || !SameEmail(ticket.RequesterEmail, targetEmail))
            return $"ticket {ticket.Id} was not raised by this user";
        return null;
    }

    private static bool SameEmail(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
