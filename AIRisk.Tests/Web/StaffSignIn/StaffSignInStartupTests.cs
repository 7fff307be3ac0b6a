using System.Net;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Tests.Web.StaffSignIn;

public sealed class StaffSignInStartupTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_without_client_id_or_role_stops_the_app_naming_both_without_printing_the_secret()
    {
        await using var app = WebAppProcess.Launch(new Dictionary<string, string?>
        {
            [StaffSignInOptions.AuthorityKey] = "https://login.example.com/tenant/",
            [StaffSignInOptions.ClientSecretKey] = "oidc-secret-value-93",
        });

        var exitCode = await app.WaitForExitAsync(ExitTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("OPERATOR_OIDC_CLIENT_ID is missing", app.Output, StringComparison.Ordinal);
        Assert.Contains("OPERATOR_ROLE is missing", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("oidc-secret-value-93", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_without_public_hosts_stops_the_app_naming_the_key()
    {
        var port = WebAppProcess.ReservePort();
        var environment = StaffSignInFixture.Environment(new Uri("http://127.0.0.1:9/"), TestOidcClient.For(new Uri($"http://127.0.0.1:{port}/")));
        environment.Remove(StaffSignInOptions.PublicHostsKey);
        await using var app = WebAppProcess.Launch(environment, port);

        var exitCode = await app.WaitForExitAsync(ExitTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{StaffSignInOptions.PublicHostsKey} is missing", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_sign_in_the_app_refuses_a_non_loopback_address_and_says_how_to_configure_sign_in()
    {
        await using var app = WebAppProcess.Launch(new Dictionary<string, string?>(), urls: $"http://0.0.0.0:{WebAppProcess.ReservePort()}");

        var exitCode = await app.WaitForExitAsync(ExitTimeout);

        Assert.Equal(3, exitCode);
        Assert.Contains("refuses to listen on http://0.0.0.0:", app.Output, StringComparison.Ordinal);
        Assert.Contains(StaffSignInOptions.AuthorityKey, app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_sign_in_configured_the_app_may_listen_on_every_interface()
    {
        // Only the loopback side of 0.0.0.0 is ever contacted; the authority is not needed to start.
        var port = WebAppProcess.ReservePort();
        var environment = StaffSignInFixture.Environment(new Uri("http://127.0.0.1:9/"), TestOidcClient.For(new Uri($"http://127.0.0.1:{port}/")));

        await using var app = await WebAppProcess.StartAsync(environment, port, urls: $"http://0.0.0.0:{port}", ct: Ct);

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(app.BaseAddress, "healthz"), Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain("refuses", app.Output, StringComparison.Ordinal);
    }
}
