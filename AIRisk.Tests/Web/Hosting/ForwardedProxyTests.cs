using System.Net;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Web.Hosting;

/// <summary>
/// A node behind HAProxy with TLS: the browser spoke HTTPS to the proxy, the proxy plain HTTP to the node. Only the
/// proxy's <c>X-Forwarded-Proto</c>, believed from a <c>FORWARDED_PROXIES</c> address, tells the node so; without it
/// the sign-in's redirect URI was <c>http://</c>, HSTS was never sent and <c>airisk.browser</c> was not Secure.
/// </summary>
public sealed class ForwardedProxyTests(ProxiedStaffSignInFixture fixture) : IClassFixture<ProxiedStaffSignInFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Behind_a_trusted_proxy_that_says_https_the_node_sends_HSTS_an_https_redirect_uri_and_Secure_cookies()
    {
        using var response = await FirstVisitAsync(proto: "https");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains($"redirect_uri=https://{ProxiedStaffSignInFixture.PublicHost}/signin-oidc", Uri.UnescapeDataString(response.Headers.Location!.Query), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), "no HSTS header behind TLS");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("airisk.browser=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_says_http_the_node_sends_no_HSTS_and_an_http_redirect_uri()
    {
        using var response = await FirstVisitAsync(proto: "http");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains($"redirect_uri=http://{ProxiedStaffSignInFixture.PublicHost}/signin-oidc", Uri.UnescapeDataString(response.Headers.Location!.Query), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("airisk.browser=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A browser's first request as HAProxy relays it: the public host, the client's address and the scheme.</summary>
    private async Task<HttpResponseMessage> FirstVisitAsync(string proto)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = ProxiedStaffSignInFixture.PublicHost;
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", proto);
        return await http.SendAsync(request, Ct);
    }
}
