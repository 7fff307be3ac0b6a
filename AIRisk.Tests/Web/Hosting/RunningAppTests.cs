using System.Net;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Web.Hosting;

public sealed class RunningAppTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = fixture.App.BaseAddress };

    [Fact]
    public async Task Without_configuration_the_app_serves_the_dashboard_against_the_embedded_sandbox()
    {
        var page = await _http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("embedded AIRisk sandbox", fixture.App.Output, StringComparison.Ordinal);
        Assert.Contains("_framework/blazor.web", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/callback?code=abc&state=forged")]
    [InlineData("/callback?code=abc")]
    [InlineData("/callback")]
    public async Task The_callback_refuses_an_unknown_or_missing_state(string url)
    {
        using var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sign-in refused", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/healthz")]
    [InlineData("/callback")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await _http.GetAsync(url, TestContext.Current.CancellationToken);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Health_reports_the_app_and_whether_AIRisk_answers()
    {
        using var response = await _http.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("airisk").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("audit").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Without_staff_sign_in_a_request_for_another_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "console.attacker.example";

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_export_starts_with_a_byte_order_mark_and_is_never_cached()
    {
        using var response = await _http.GetAsync("/audit/export.csv", TestContext.Current.CancellationToken);

        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=yesterday", "'from' must be a date and time in ISO 8601")]
    [InlineData("to=2026-13-45", "'to' must be a date and time in ISO 8601")]
    [InlineData("outcome=Maybe", "'outcome' must be one of")]
    public async Task A_malformed_export_filter_is_refused_saying_which_and_what_is_expected(string query, string explanation)
    {
        using var response = await _http.GetAsync($"/audit/export.csv?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(explanation, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_exports_as_CSV()
    {
        using var response = await _http.GetAsync("/audit/export.csv?outcome=Succeeded", TestContext.Current.CancellationToken);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("id,at_utc,staff_id,staff_name,action,outcome", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
