namespace AIRisk.Sandbox.Data.Tickets;

/// <summary>Zendesk's ticket statuses, and how the sandbox's Jira shows each (name and status category key).</summary>
public static class TicketStatuses
{
    public static readonly IReadOnlyList<string> All = ["new", "open", "pending", "hold", "solved", "closed"];

    public static bool IsKnown(string status) => All.Contains(status, StringComparer.Ordinal);

    /// <returns>The Jira status name and its category (<c>new</c>, <c>indeterminate</c>, <c>done</c>).</returns>
    public static (string Name, string CategoryKey, string CategoryName) Jira(string status) => status switch
    {
        "new" => ("Open", "new", "To Do"),
        "open" => ("In Progress", "indeterminate", "In Progress"),
        "pending" => ("Waiting for customer", "indeterminate", "In Progress"),
        "hold" => ("Pending", "indeterminate", "In Progress"),
        "solved" => ("Resolved", "done", "Done"),
        _ => ("Closed", "done", "Done"),
    };
}
