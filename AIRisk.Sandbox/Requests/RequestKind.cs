namespace AIRisk.Sandbox.Requests;

public enum RequestKind
{
    Authorize,
    Token,
    Api,
    Control,

    /// <summary>The ticket system's APIs (Zendesk, Jira).</summary>
    Tickets,
}
