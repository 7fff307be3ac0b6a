namespace AIRisk.Sandbox.Data.Tickets;

/// <summary>
/// One ticket per demo user with an email among the first <see cref="SeededUsers"/>, requested by that user, numbered
/// from <see cref="FirstNumber"/> by the user's index (stable for a seed): every fifth is already solved and every
/// seventh closed, the rest open and unassigned, as a ticket waits in a queue.
/// </summary>
internal static class TicketSeeder
{
    public const long FirstNumber = 1001;
    public const int SeededUsers = 300;

    private static readonly string[] Subjects =
    [
        "Cannot find my conversation from yesterday",
        "Agent answers in the wrong language",
        "Upload of a PDF fails",
        "Please check my chat history",
        "Reply stops half-way",
    ];

    public static IEnumerable<SandboxTicket> Tickets(IReadOnlyList<SandboxUser> users)
    {
        foreach (var user in users.Take(SeededUsers))
        {
            if (user.Email is not { } email)
                continue;
            var status = user.Index % 7 == 6 ? "closed" : user.Index % 5 == 4 ? "solved" : "open";
            yield return new SandboxTicket(FirstNumber + user.Index, Subjects[user.Index % Subjects.Length], status, email, null);
        }
    }
}
