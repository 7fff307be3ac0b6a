namespace AIRisk.Web.Tickets;

/// <summary>
/// The ticket system (<c>TICKET_SYSTEM</c>) and its API account, whether an act-as needs a fitting ticket, and how
/// often an acting session's ticket is checked again.
/// </summary>
public sealed class TicketOptions
{
    public const string SystemKey = "TICKET_SYSTEM";
    public const string RequiredKey = "TICKET_REQUIRED";
    public const string RecheckMinutesKey = "TICKET_RECHECK_MINUTES";
    public const string TimeoutSecondsKey = "TICKET_TIMEOUT_SECONDS";
    public const string ZendeskUrlKey = "ZENDESK_URL";
    public const string ZendeskEmailKey = "ZENDESK_EMAIL";
    public const string ZendeskApiTokenKey = "ZENDESK_API_TOKEN";
    public const string JiraUrlKey = "JIRA_URL";
    public const string JiraEmailKey = "JIRA_EMAIL";
    public const string JiraApiTokenKey = "JIRA_API_TOKEN";

    public TicketSystemKind System { get; set; }

    /// <summary>An act-as without a fitting ticket is refused (or sent to approval) rather than recorded as "no ticket".</summary>
    public bool Required { get; set; }

    /// <summary>How often an acting session's ticket is read again (besides every token renewal).</summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one call to the ticket system may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The instance's root (<c>https://company.zendesk.com/</c>, <c>https://company.atlassian.net/</c>), ending in <c>/</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The API account's email (an agent's).</summary>
    public string? Email { get; set; }

    /// <summary>The API account's token. Never logged, never in an error message.</summary>
    public string? ApiToken { get; set; }

    public bool Enabled => System != TicketSystemKind.None;

    /// <summary>Values present in the configuration that did not parse, or are missing; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
