using AIRisk.Core.Configuration;

namespace AIRisk.Web.Tickets;

/// <summary>Reads <c>TICKET_SYSTEM</c> and the chosen system's keys (the other system's keys are not read).</summary>
internal static class TicketOptionsBinder
{
    private static readonly Dictionary<string, TicketSystemKind> Systems = new()
    {
        ["zendesk"] = TicketSystemKind.Zendesk,
        ["jira"] = TicketSystemKind.Jira,
    };

    public static void Bind(IConfiguration configuration, TicketOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        options.System = values.Choice(TicketOptions.SystemKey, TicketSystemKind.None, Systems);
        options.Required = values.Bool(TicketOptions.RequiredKey, false);
        options.RecheckInterval = values.Minutes(TicketOptions.RecheckMinutesKey, options.RecheckInterval, 1_440);
        options.Timeout = values.Seconds(TicketOptions.TimeoutSecondsKey, options.Timeout, 120);
        var (urlKey, emailKey, tokenKey) = options.System switch
        {
            TicketSystemKind.Zendesk => (TicketOptions.ZendeskUrlKey, TicketOptions.ZendeskEmailKey, TicketOptions.ZendeskApiTokenKey),
            TicketSystemKind.Jira => (TicketOptions.JiraUrlKey, TicketOptions.JiraEmailKey, TicketOptions.JiraApiTokenKey),
            _ => (null, null, null),
        };
        if (urlKey is null || emailKey is null || tokenKey is null)
            return;

        if (values.Text(urlKey) is { } url)
            options.Url = Root(url, urlKey, options.BindingErrors);
        else
            options.BindingErrors.Add($"{urlKey} is required with {TicketOptions.SystemKey}={options.System.ToString().ToLowerInvariant()}.");
        options.Email = values.Text(emailKey);
        if (options.Email is null)
            options.BindingErrors.Add($"{emailKey} is required with {TicketOptions.SystemKey}={options.System.ToString().ToLowerInvariant()}: the API account's email.");
        else if (!options.Email.Contains('@', StringComparison.Ordinal))
            options.BindingErrors.Add($"{emailKey} must be an email address (got '{options.Email}').");
        // The token as given, white space included: it is the ticket system's to judge.
        options.ApiToken = string.IsNullOrEmpty(configuration[tokenKey]) ? null : configuration[tokenKey];
        if (options.ApiToken is null)
            options.BindingErrors.Add($"{tokenKey} is required with {TicketOptions.SystemKey}={options.System.ToString().ToLowerInvariant()}.");
    }

    /// <summary>An https:// root (http:// on loopback only), without credentials, query or fragment; not echoed, as a webhook's is not.</summary>
    private static Uri? Root(string value, string key, List<string> errors)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        errors.Add($"{key} must be an absolute https:// URL (http:// only on loopback), without credentials, a query or a fragment.");
        return null;
    }
}
