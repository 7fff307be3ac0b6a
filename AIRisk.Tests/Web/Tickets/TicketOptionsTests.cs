using AIRisk.Web.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.Tickets;

/// <summary>The ticket keys, bound and validated as the app does at start.</summary>
public sealed class TicketOptionsTests
{
    private const string Token = "zd-api-token-0123456789";

    [Fact]
    public void Without_any_key_there_is_no_ticket_system_and_the_start_is_not_refused()
    {
        var (options, problems) = Bind([]);

        Assert.Empty(problems);
        Assert.Equal(TicketSystemKind.None, options.System);
        Assert.False(options.Required);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RecheckInterval);
        using var services = TicketSandbox.Services([]);
        Assert.Null(services.GetService<ITicketSystem>());
    }

    [Theory]
    [InlineData("zendesk", "https://acme.zendesk.com", "ZENDESK", "Zendesk")]
    [InlineData("JIRA", "https://acme.atlassian.net/", "JIRA", "Jira")]
    public void A_system_with_its_three_keys_is_taken(string system, string url, string prefix, string name)
    {
        Dictionary<string, string?> settings = new()
        {
            ["TICKET_SYSTEM"] = system,
            [$"{prefix}_URL"] = url,
            [$"{prefix}_EMAIL"] = "console@acme.example",
            [$"{prefix}_API_TOKEN"] = Token,
            ["TICKET_REQUIRED"] = "true",
            ["TICKET_RECHECK_MINUTES"] = "2",
        };

        var (options, problems) = Bind(settings);

        Assert.Empty(problems);
        Assert.Equal(new Uri(url.TrimEnd('/') + "/"), options.Url);
        Assert.True(options.Required);
        Assert.Equal(TimeSpan.FromMinutes(2), options.RecheckInterval);
        using var services = TicketSandbox.Services(settings);
        Assert.Equal(name, services.GetRequiredService<ITicketSystem>().Name);
    }

    [Fact]
    public void Every_missing_key_of_the_chosen_system_is_named_at_once()
    {
        var (_, problems) = Bind(new() { ["TICKET_SYSTEM"] = "jira", ["ZENDESK_URL"] = "https://acme.zendesk.com" });

        Assert.Equal(
            [
                "JIRA_URL is required with TICKET_SYSTEM=jira.",
                "JIRA_EMAIL is required with TICKET_SYSTEM=jira: the API account's email.",
                "JIRA_API_TOKEN is required with TICKET_SYSTEM=jira.",
            ], problems);
    }

    [Theory]
    [InlineData("http://acme.zendesk.com")]
    [InlineData("https://console:pw@acme.zendesk.com")]
    [InlineData("https://acme.zendesk.com/?token=x")]
    [InlineData("acme.zendesk.com")]
    public void A_url_that_is_not_https_or_carries_credentials_is_refused_without_echoing_it(string url)
    {
        var (_, problems) = Bind(new() { ["TICKET_SYSTEM"] = "zendesk", ["ZENDESK_URL"] = url, ["ZENDESK_EMAIL"] = "console@acme.example", ["ZENDESK_API_TOKEN"] = Token });

        var problem = Assert.Single(problems);
        Assert.StartsWith("ZENDESK_URL must be an absolute https:// URL (http:// only on loopback)", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_http_is_taken_on_loopback()
    {
        var (options, problems) = Bind(new() { ["TICKET_SYSTEM"] = "zendesk", ["ZENDESK_URL"] = "http://127.0.0.1:5080", ["ZENDESK_EMAIL"] = "console@acme.example", ["ZENDESK_API_TOKEN"] = Token });

        Assert.Empty(problems);
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), options.Url);
    }

    [Fact]
    public void Malformed_values_are_each_named_and_the_token_never_printed()
    {
        var (_, problems) = Bind(new()
        {
            ["TICKET_SYSTEM"] = "zendesk",
            ["ZENDESK_URL"] = "https://acme.zendesk.com",
            ["ZENDESK_EMAIL"] = "console",
            ["ZENDESK_API_TOKEN"] = Token,
            ["TICKET_REQUIRED"] = "yes",
            ["TICKET_RECHECK_MINUTES"] = "0",
        });

        Assert.Equal(
            [
                "TICKET_REQUIRED must be 'true' or 'false' (got 'yes').",
                "TICKET_RECHECK_MINUTES must be a number of minutes above 0 and at most 1440 (got '0').",
                "ZENDESK_EMAIL must be an email address (got 'console').",
            ], problems);
        Assert.All(problems, p => Assert.DoesNotContain(Token, p, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_system_is_refused()
    {
        var (_, problems) = Bind(new() { ["TICKET_SYSTEM"] = "servicenow" });

        Assert.Equal(["TICKET_SYSTEM must be 'zendesk' or 'jira' (got 'servicenow')."], problems);
    }

    [Fact]
    public void Requiring_a_ticket_without_a_ticket_system_is_refused()
    {
        var (_, problems) = Bind(new() { ["TICKET_REQUIRED"] = "true" });

        Assert.Equal(["TICKET_REQUIRED=true needs TICKET_SYSTEM (zendesk or jira): there is no ticket to require."], problems);
    }

    [Fact]
    public void The_start_is_refused_with_every_bad_key_named()
    {
        using var services = TicketSandbox.Services(new() { ["TICKET_SYSTEM"] = "zendesk", ["ZENDESK_API_TOKEN"] = Token });

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TicketOptions>>().Value);

        Assert.Contains("ZENDESK_URL is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("ZENDESK_EMAIL is required", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, e.Message, StringComparison.Ordinal);
    }

    private static (TicketOptions Options, List<string> Problems) Bind(Dictionary<string, string?> settings)
    {
        var options = new TicketOptions();
        TicketOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        return (options, [.. new TicketOptionsValidator().Validate(null, options).Failures ?? []]);
    }
}
