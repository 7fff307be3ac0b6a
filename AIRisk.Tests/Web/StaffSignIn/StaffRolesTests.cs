using System.Net;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;

namespace AIRisk.Tests.Web.StaffSignIn;

/// <summary>
/// One source of staff roles: what the identity provider last confirmed for a sign-in, not what its cookie was issued
/// with. A cookie used with no tab open (a script with <c>curl</c>) is asked about as often as a tab, and a role
/// withdrawn at the provider is gone from every endpoint within the revalidation interval.
/// </summary>
public sealed class StaffRolesTests(RevalidatingStaffSignInFixture fixture) : IClassFixture<RevalidatingStaffSignInFixture>, IDisposable
{
    // Past one interval since the last confirmation: the next request must be asked about.
    private static readonly TimeSpan PastInterval = RevalidatingStaffSignInFixture.RevalidateInterval + TimeSpan.FromMilliseconds(300);

    private readonly StaffBrowser _browser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Dashboard => fixture.App.BaseAddress;

    private Uri Export => new(Dashboard, "audit/export.csv");

    [Fact]
    public async Task An_auditor_whose_role_is_withdrawn_is_refused_the_export_with_the_same_cookie_within_the_interval()
    {
        var auditor = new TestIdentityUser("staff-roles-1", "Ada Auditor", [StaffSignInFixture.RequiredRole, StaffSignInFixture.AuditorRole]);
        await SignInAsync(auditor);
        using var before = await _browser.GetAsync(Export, Ct);

        fixture.Provider.User = auditor with { Roles = [StaffSignInFixture.RequiredRole] };
        await Task.Delay(PastInterval, Ct);
        using var after = await _browser.GetAsync(Export, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Contains("OPERATOR_AUDITOR_ROLE", await after.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_whose_console_role_is_withdrawn_get_no_metrics_with_the_same_cookie_within_the_interval()
    {
        var staff = new TestIdentityUser("staff-roles-2", "Mo Metrics", [StaffSignInFixture.RequiredRole]);
        await SignInAsync(staff);
        using var before = await MetricsThroughProxyAsync();

        fixture.Provider.User = staff with { Roles = ["finance"] };
        await Task.Delay(PastInterval, Ct);
        using var after = await MetricsThroughProxyAsync();

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        // The sign-in is refused altogether: the cookie is turned away and the provider asked again.
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(fixture.Provider.AuthorizationEndpoint.AbsoluteUri, after.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_details_are_withheld_once_the_console_role_is_withdrawn()
    {
        var staff = new TestIdentityUser("staff-roles-3", "Hal Health", [StaffSignInFixture.RequiredRole]);
        await SignInAsync(staff);
        var before = await HealthHasDetailsAsync();

        fixture.Provider.User = staff with { Roles = ["finance"] };
        await Task.Delay(PastInterval, Ct);
        var after = await HealthHasDetailsAsync();

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public async Task Where_userinfo_names_no_roles_the_roles_of_the_refreshed_id_token_count()
    {
        var auditor = new TestIdentityUser("staff-roles-4", "Eno Entra", [StaffSignInFixture.RequiredRole, StaffSignInFixture.AuditorRole]);
        fixture.Provider.UserInfoWithoutRoles = true;
        await SignInAsync(auditor);
        using var before = await _browser.GetAsync(Export, Ct);

        fixture.Provider.User = auditor with { Roles = [StaffSignInFixture.RequiredRole] };
        await Task.Delay(PastInterval, Ct);
        using var after = await _browser.GetAsync(Export, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task A_userinfo_answer_about_another_person_ends_the_sign_in()
    {
        await SignInAsync(new TestIdentityUser("staff-roles-5", "Sue Subject", [StaffSignInFixture.RequiredRole]));
        using var before = await _browser.GetAsync(Dashboard, Ct);

        fixture.Provider.UserInfoSubject = "staff-someone-else";
        await Task.Delay(PastInterval, Ct);
        using var after = await _browser.GetAsync(Dashboard, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(fixture.Provider.AuthorizationEndpoint.AbsoluteUri, after.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    private async Task SignInAsync(TestIdentityUser user)
    {
        fixture.Provider.User = user;
        using var response = await _browser.NavigateAsync(Dashboard, ct: Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // As through a proxy (X-Forwarded-For): not taken for a scraper on the node itself, so only the role admits it.
    private Task<HttpResponseMessage> MetricsThroughProxyAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Dashboard, "metrics"));
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return _browser.SendAsync(request, Ct);
    }

    private async Task<bool> HealthHasDetailsAsync()
    {
        using var response = await _browser.GetAsync(new Uri(Dashboard, "healthz"), Ct);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return health.RootElement.TryGetProperty("checks", out _);
    }

    public void Dispose()
    {
        fixture.Provider.UserInfoWithoutRoles = false;
        fixture.Provider.UserInfoSubject = null;
        _browser.Dispose();
    }
}
