using System.Text.Json;
using System.Text.RegularExpressions;
using AIRisk.Sandbox;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;

namespace AIRisk.Tests.Web.Hosting;

public sealed class HealthCredentialTests
{
    [Fact]
    public async Task A_wrong_client_secret_shows_in_health_naming_what_to_check()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sandbox = await SandboxHost.StartAsync(o => o.RedirectUris = [CoreHarness.RedirectUri], ct: ct);
        var settings = sandbox.ClientSettings();
        settings["CLIENT_SECRET"] = "not-the-secret";
        await using var app = await WebAppProcess.StartAsync(settings, ct: ct);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var health = JsonDocument.Parse(await http.GetStringAsync("/healthz", ct));

        var airisk = health.RootElement.GetProperty("checks").GetProperty("airisk");
        Assert.Equal("Degraded", airisk.GetProperty("status").GetString());
        var description = airisk.GetProperty("description").GetString()!;
        Assert.Single(Regex.Matches(description, "Check CLIENT_ID and CLIENT_SECRET"));
        Assert.DoesNotContain(".)", description, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", health.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
