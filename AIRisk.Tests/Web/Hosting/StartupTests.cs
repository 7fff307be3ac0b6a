using AIRisk.Tests.TestSupport;

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
}
