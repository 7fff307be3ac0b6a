using AIRisk.Web.Alerts.Delivery;
using Microsoft.Extensions.Configuration;

namespace AIRisk.Tests.Web.Alerts.Delivery;

/// <summary>The webhook's and email's keys, bound and validated as the app does at start.</summary>
public sealed class AlertDeliveryOptionsTests
{
    private const string Secret = "s3cret-value-of-24-chars";

    [Fact]
    public void Without_any_key_alerts_go_to_no_webhook_and_no_email_and_the_start_is_not_refused()
    {
        Assert.Empty(WebhookProblems([]));
        Assert.Empty(EmailProblems([]));
    }

    [Theory]
    [InlineData("https://hooks.example.com/T000/B000/xyz")]
    [InlineData("http://10.0.0.5:8080/alerts")]
    public void An_https_or_http_url_with_its_secret_is_taken(string url)
    {
        var options = Webhook(new() { [AlertWebhookOptions.UrlKey] = url, [AlertWebhookOptions.SecretKey] = Secret });

        Assert.Empty(Problems(options));
        Assert.Equal(new Uri(url), options.Url);
        Assert.Equal(Secret, options.Secret);
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("hooks.example.com/alerts")]
    [InlineData("https://user:pw@hooks.example.com/x")]
    public void A_url_that_is_not_http_is_refused_without_echoing_it(string url)
    {
        var problems = WebhookProblems(new() { [AlertWebhookOptions.UrlKey] = url, [AlertWebhookOptions.SecretKey] = Secret });

        var problem = Assert.Single(problems);
        Assert.StartsWith("ALERT_WEBHOOK_URL must be an absolute https:// or http:// URL", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hooks.example.com", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_without_a_secret_is_refused()
    {
        var problems = WebhookProblems(new() { [AlertWebhookOptions.UrlKey] = "https://hooks.example.com/x" });

        Assert.Equal(["ALERT_WEBHOOK_SECRET is required with ALERT_WEBHOOK_URL: every alert is signed with it."], problems);
    }

    [Fact]
    public void A_short_secret_is_refused_and_never_printed()
    {
        var problems = WebhookProblems(new() { [AlertWebhookOptions.UrlKey] = "https://hooks.example.com/x", [AlertWebhookOptions.SecretKey] = "hunter2" });

        var problem = Assert.Single(problems);
        Assert.Contains("at least 16 characters", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_a_url_is_refused()
    {
        Assert.Single(WebhookProblems(new() { [AlertWebhookOptions.SecretKey] = Secret }));
    }

    [Fact]
    public void Email_needs_a_sender_and_recipients_and_the_port_follows_the_tls_mode()
    {
        var options = Email(new()
        {
            [AlertEmailOptions.HostKey] = "smtp.example.com",
            [AlertEmailOptions.TlsKey] = "tls",
            [AlertEmailOptions.FromKey] = "alerts@example.com",
            [AlertEmailOptions.ToKey] = "a@example.com,b@example.com",
        });

        Assert.Empty(Problems(options));
        Assert.Equal(465, options.Port);
        Assert.Equal(SmtpTls.Tls, options.Tls);
        Assert.Equal(["a@example.com", "b@example.com"], options.To);
        Assert.Equal(["SMTP_FROM is required with SMTP_HOST.", "SMTP_TO is required with SMTP_HOST: one or more addresses, comma-separated."],
            EmailProblems(new() { [AlertEmailOptions.HostKey] = "smtp.example.com" }));
    }

    [Fact]
    public void Email_refuses_a_bad_address_a_bad_tls_mode_a_lone_user_name_and_a_password_in_clear_never_printing_it()
    {
        var problems = EmailProblems(new()
        {
            [AlertEmailOptions.HostKey] = "smtp.example.com",
            [AlertEmailOptions.TlsKey] = "ssl",
            [AlertEmailOptions.FromKey] = "alerts@example.com",
            [AlertEmailOptions.ToKey] = "a@example.com, not an address",
            [AlertEmailOptions.UsernameKey] = "console",
        });
        var clear = EmailProblems(new()
        {
            [AlertEmailOptions.HostKey] = "smtp.example.com",
            [AlertEmailOptions.TlsKey] = "none",
            [AlertEmailOptions.FromKey] = "alerts@example.com",
            [AlertEmailOptions.ToKey] = "a@example.com",
            [AlertEmailOptions.UsernameKey] = "console",
            [AlertEmailOptions.PasswordKey] = "pa55word-xyz",
        });

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("SMTP_TLS must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'not an address'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("SMTP_USERNAME and SMTP_PASSWORD go together", StringComparison.Ordinal));
        var problem = Assert.Single(clear);
        Assert.Contains("in clear", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_smtp_key_without_SMTP_HOST_is_refused()
    {
        Assert.Single(EmailProblems(new() { [AlertEmailOptions.ToKey] = "a@example.com" }));
    }

    private static AlertWebhookOptions Webhook(Dictionary<string, string?> settings)
    {
        var options = new AlertWebhookOptions();
        AlertWebhookOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        return options;
    }

    private static AlertEmailOptions Email(Dictionary<string, string?> settings)
    {
        var options = new AlertEmailOptions();
        AlertEmailOptionsBinder.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        return options;
    }

    private static List<string> WebhookProblems(Dictionary<string, string?> settings) => Problems(Webhook(settings));

    private static List<string> EmailProblems(Dictionary<string, string?> settings) => Problems(Email(settings));

    private static List<string> Problems(AlertWebhookOptions options) => [.. new AlertWebhookOptionsValidator().Validate(null, options).Failures ?? []];

    private static List<string> Problems(AlertEmailOptions options) => [.. new AlertEmailOptionsValidator().Validate(null, options).Failures ?? []];
}
