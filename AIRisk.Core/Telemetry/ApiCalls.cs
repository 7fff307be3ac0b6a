using AIRisk.Core.Configuration;

namespace AIRisk.Core.Telemetry;

/// <summary>Names an AIRisk API request by its operation (a small fixed set, fit for a metric tag; ids in the path are left out).</summary>
public static class ApiCalls
{
    // Longest first, so GetConversations is not taken for GetConversation.
    private static readonly string[] Paths = [.. new[]
    {
        AIRiskPaths.ListUsers, AIRiskPaths.ListUsersAlternative, AIRiskPaths.ListAgents, AIRiskPaths.GetConversations,
        AIRiskPaths.GetConversationsAlternative, AIRiskPaths.GetConversation, AIRiskPaths.CreateConversation,
        AIRiskPaths.AskAgent, AIRiskPaths.AddFileToConversation, AIRiskPaths.SubmitFeedback,
    }.OrderByDescending(p => p.Length)];

    /// <returns>The operation's name (<c>ListAgents</c>, <c>GetConversation</c>, ...), or <c>other</c>.</returns>
    public static string Name(Uri? requestUri)
    {
        var path = requestUri is null ? "" : (requestUri.IsAbsoluteUri ? requestUri.AbsolutePath : requestUri.OriginalString).TrimStart('/');
        foreach (var known in Paths)
        {
            var at = path.IndexOf(known, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (path.Length == at + known.Length || path[at + known.Length] is '/' or '?'))
                return known[(known.LastIndexOf('/') + 1)..];
        }

        return "other";
    }
}
