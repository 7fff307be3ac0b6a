using AIRisk.TestSupport;

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
