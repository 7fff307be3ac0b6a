using System.Net;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;

namespace AIRisk.Tests.Web.StaffSignIn;

/// <summary>Staff sign-in of the real app against a real OpenID Connect provider, driven as a browser would.</summary>
public sealed class StaffSignInTests(StaffSignInFixture fixture) : IClassFixture<StaffSignInFixture>, IDisposable
{
    private readonly StaffBrowser _browser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Dashboard => fixture.App.BaseAddress;

    [Fact]
    public async Task An_anonymous_visit_to_the_dashboard_is_sent_to_the_identity_provider()
    {
        using var response = await _browser.GetAsync(Dashboard, Ct);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(fixture.Provider.AuthorizationEndpoint.AbsoluteUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains($"client_id={fixture.Client.ClientId}", location.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_tells_an_anonymous_caller_the_status_and_nothing_more()
    {
        using var response = await _browser.GetAsync(new Uri(Dashboard, "/healthz"), Ct);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(health.RootElement.TryGetProperty("status", out _));
        Assert.False(health.RootElement.TryGetProperty("checks", out _));
    }

    [Fact]
    public async Task Health_details_are_shown_to_staff_with_the_role_and_withheld_from_a_signed_in_person_without_it()
    {
        fixture.Provider.User = new TestIdentityUser("staff-ann", "Ann Support", [StaffSignInFixture.RequiredRole]);
        (await _browser.NavigateAsync(Dashboard, ct: Ct)).Dispose();
        using var outsider = new StaffBrowser();
        fixture.Provider.User = new TestIdentityUser("staff-bob", "Bob Elsewhere", ["finance"]);
        (await outsider.NavigateAsync(Dashboard, ct: Ct)).Dispose();

        var staffSees = await HealthChecksShownAsync(_browser);
        var outsiderSees = await HealthChecksShownAsync(outsider);

        Assert.True(staffSees);
        Assert.False(outsiderSees);
    }

    [Fact]
    public async Task Staff_with_the_required_role_sign_in_and_get_the_dashboard()
    {
        fixture.Provider.User = new TestIdentityUser("staff-ann", "Ann Support", [StaffSignInFixture.RequiredRole]);

        using var response = await _browser.NavigateAsync(Dashboard, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Dashboard, response.RequestMessage!.RequestUri);
        Assert.Contains("_framework/blazor.web", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(_browser.Visited, u => u.AbsolutePath == "/" + TestIdentityProvider.AuthorizationPath);
        Assert.Contains(_browser.Visited, u => u == fixture.Client.RedirectUri);
        Assert.NotNull(_browser.Cookie(Dashboard, "airisk.staff"));
    }

    [Fact]
    public async Task Only_auditors_export_the_audit_trail()
    {
        fixture.Provider.User = new TestIdentityUser("staff-ann", "Ann Support", [StaffSignInFixture.RequiredRole]);
        (await _browser.NavigateAsync(Dashboard, ct: Ct)).Dispose();
        using var refused = await _browser.GetAsync(new Uri(Dashboard, "/audit/export.csv"), Ct);
        using var auditorBrowser = new StaffBrowser();
        fixture.Provider.User = new TestIdentityUser("staff-aud", "Ada Auditor", [StaffSignInFixture.RequiredRole, StaffSignInFixture.AuditorRole]);
        (await auditorBrowser.NavigateAsync(Dashboard, ct: Ct)).Dispose();

        using var allowed = await auditorBrowser.GetAsync(new Uri(Dashboard, "/audit/export.csv"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("Ada Auditor", await allowed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_whose_roles_come_only_from_userinfo_are_admitted()
    {
        fixture.Provider.User = new TestIdentityUser("staff-uma", "Uma Userinfo", [StaffSignInFixture.RequiredRole], RolesInIdentityToken: false);

        using var response = await _browser.NavigateAsync(Dashboard, ct: Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("_framework/blazor.web", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_staff_without_the_required_role_are_refused_and_never_see_the_dashboard()
    {
        fixture.Provider.User = new TestIdentityUser("staff-bob", "Bob Elsewhere", ["finance"]);

        using var response = await _browser.NavigateAsync(Dashboard, ct: Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(_browser.Visited, u => u == fixture.Client.RedirectUri);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("_framework/blazor.web", page, StringComparison.Ordinal);
        Assert.Contains("signed in as Bob Elsewhere", page, StringComparison.Ordinal);
        Assert.Contains($"'{StaffSignInFixture.RequiredRole}'", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_a_host_other_than_the_public_ones_is_refused()
    {
        fixture.Provider.User = new TestIdentityUser("staff-ann", "Ann Support", [StaffSignInFixture.RequiredRole]);
        (await _browser.NavigateAsync(Dashboard, ct: Ct)).Dispose();
        using var request = new HttpRequestMessage(HttpMethod.Get, Dashboard);
        request.Headers.Host = "console.attacker.example";

        using var response = await _browser.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Health_answers_without_sign_in()
    {
        using var response = await _browser.GetAsync(new Uri(Dashboard, "healthz"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        fixture.Provider.User = new TestIdentityUser("staff-cy", "Cy Support", [StaffSignInFixture.RequiredRole]);
        (await _browser.NavigateAsync(Dashboard, ct: Ct)).Dispose();

        // Stop where "/" challenges again: this provider would sign the same user straight back in.
        (await _browser.NavigateAsync(new Uri(Dashboard, "signout"), until: u => u.AbsolutePath == "/" + TestIdentityProvider.AuthorizationPath, Ct)).Dispose();

        Assert.Contains(_browser.Visited, u => u.AbsolutePath == "/connect/endsession");
        Assert.Contains(_browser.Visited, u => u.GetLeftPart(UriPartial.Path) == fixture.Client.PostLogoutRedirectUri.AbsoluteUri);
        Assert.Null(_browser.Cookie(Dashboard, "airisk.staff"));
        using var again = await _browser.GetAsync(Dashboard, Ct);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.StartsWith(fixture.Provider.AuthorizationEndpoint.AbsoluteUri, again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_without_the_role_can_still_sign_out_but_only_with_the_forms_token()
    {
        fixture.Provider.User = new TestIdentityUser("staff-bob", "Bob Elsewhere", ["finance"]);
        (await _browser.NavigateAsync(Dashboard, ct: Ct)).Dispose();

        using var page = await _browser.GetAsync(new Uri(Dashboard, "signout"), Ct);
        using var withoutToken = await _browser.PostAsync(new Uri(Dashboard, "signout"), new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/signout\">", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.NotNull(_browser.Cookie(Dashboard, "airisk.staff"));
    }

    private async Task<bool> HealthChecksShownAsync(StaffBrowser browser)
    {
        using var response = await browser.GetAsync(new Uri(Dashboard, "healthz"), Ct);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return health.RootElement.TryGetProperty("checks", out _);
    }

    public void Dispose() => _browser.Dispose();
}
