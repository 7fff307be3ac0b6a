namespace AIRisk.Web.Tickets;

/// <summary>Ticket ids as staff typed them, for messages.</summary>
internal static class TicketIds
{
    private const int Longest = 40;

    /// <returns><paramref name="id"/>, cut to 40 characters, control characters dropped (it is echoed to staff and logs).</returns>
    public static string Shown(string id)
    {
        var printable = new string([.. id.Where(c => !char.IsControl(c))]);
        return printable.Length <= Longest ? printable : printable[..Longest] + "…";
    }
}
