using System.Text.RegularExpressions;
using AIRisk.TestSupport;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Hosting.Telemetry;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Tests.Web.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Incomplete_configuration_stops_the_app_naming_every_missing_key_without_printing_the_secret()
    {
        await using var app = WebAppProcess.Launch(new Dictionary<string, string?>
        {
            ["AIRISK_BASE_URL"] = "https://tenant.aicrisk.example",
            ["CLIENT_SECRET"] = "very-secret-value-42",
            ["AIRISK_TIMEOUT_SECONDS"] = "forever",
        });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("CLIENT_ID is missing", app.Output, StringComparison.Ordinal);
        Assert.Contains("REDIRECT_URI is missing", app.Output, StringComparison.Ordinal);
        Assert.Contains("AIRISK_TIMEOUT_SECONDS must be a whole number", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value-42", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_keys_of_different_concerns_stop_the_app_named_together_in_one_message()
    {
        await using var app = WebAppProcess.Launch(new Dictionary<string, string?>
        {
            [StaffSignInOptions.AuthorityKey] = "https://login.example.com/tenant/",
            [StaffSignInOptions.ClientIdKey] = "console",
            [StaffSignInOptions.RoleKey] = "airisk-console",
            [StaffSignInOptions.RevalidateMinutesKey] = "often",
            [TelemetryOptions.PrometheusKey] = "yes",
            [ConsolePolicyKeys.RequireReason] = "maybe",
        });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Single(Regex.Matches(app.Output, "cannot start"));
        Assert.Contains("OPERATOR_REVALIDATE_MINUTES must be a number of minutes above 0 and at most 1440 (got 'often')", app.Output, StringComparison.Ordinal);
        Assert.Contains("METRICS_PROMETHEUS must be 'true' or 'false' (got 'yes')", app.Output, StringComparison.Ordinal);
        Assert.Contains("REQUIRE_REASON must be 'true' or 'false' (got 'maybe')", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POSTGRES_CONNECTION", "Host=db.internal;Username=node;Password=pg-secret-4711")]
    [InlineData("REDIS_CONNECTION", "redis.internal:6379,password=redis-secret-4711")]
    [InlineData("FORWARDED_PROXIES", "10.20.30.40")]
    [InlineData("DATA_PROTECTION_CERTIFICATE", "/etc/airisk/keyring-4711.pfx")]
    public async Task Without_staff_sign_in_a_proxy_or_cluster_setting_stops_the_app_naming_the_key_but_not_its_value(string key, string value)
    {
        await using var app = WebAppProcess.Launch(new Dictionary<string, string?> { [key] = value });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, exitCode);
        Assert.Contains($"refuses to start without staff sign-in while {key} is set", app.Output, StringComparison.Ordinal);
        Assert.Contains(StaffSignInOptions.AuthorityKey, app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_says_AIRisk_is_down_while_the_app_itself_keeps_serving()
    {
        await using var app = await WebAppProcess.StartAsync(new Dictionary<string, string?>
        {
            ["AIRISK_BASE_URL"] = "http://127.0.0.1:9/",
            ["CLIENT_ID"] = "client",
            ["CLIENT_SECRET"] = "secret",
            ["REDIRECT_URI"] = "http://localhost/callback",
        }, ct: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        Assert.Contains("could not be reached", health.RootElement.GetProperty("checks").GetProperty("airisk").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
