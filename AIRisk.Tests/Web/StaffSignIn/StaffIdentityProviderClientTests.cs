using System.Net;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.StaffSignIn;

/// <summary>
/// The HTTP client every staff member's userinfo and refresh calls share, as the dashboard registers it, against a
/// provider on loopback that sets cookies and redirects.
/// </summary>
public sealed class StaffIdentityProviderClientTests : DashboardTestContext
{
    [Fact]
    public async Task A_cookie_the_identity_provider_set_for_one_call_is_not_sent_on_the_next()
    {
        await using var provider = await StartProviderAsync();
        var http = Client(provider);

        (await http.GetAsync("set-cookie", Ct)).EnsureSuccessStatusCode();
        var echoed = await http.GetStringAsync("echo-cookie", Ct);

        Assert.Equal("(none)", echoed);
    }

    [Fact]
    public async Task A_redirect_from_the_identity_provider_is_not_followed_with_the_bearer_token()
    {
        await using var provider = await StartProviderAsync();
        var http = Client(provider);
        using var request = new HttpRequestMessage(HttpMethod.Get, "redirect");
        request.Headers.Authorization = new("Bearer", "staff-access-token");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, provider.Services.GetRequiredService<Hits>().Elsewhere);
    }

    private HttpClient Client(WebApplication provider)
    {
        var http = Context.Services.GetRequiredService<IHttpClientFactory>().CreateClient(StaffIdentityProvider.ClientName);
        http.BaseAddress = new Uri(provider.Urls.First() + "/");
        return http;
    }

    private static async Task<WebApplication> StartProviderAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<Hits>();
        var app = builder.Build();
        app.MapGet("/set-cookie", (HttpContext c) => c.Response.Cookies.Append("idp-session", "staff-a"));
        app.MapGet("/echo-cookie", (HttpContext c) => c.Request.Headers.Cookie.Count == 0 ? "(none)" : c.Request.Headers.Cookie.ToString());
        app.MapGet("/redirect", () => Results.Redirect("/elsewhere"));
        app.MapGet("/elsewhere", (Hits hits) => hits.Elsewhere++);
        await app.StartAsync();
        return app;
    }

    private sealed class Hits
    {
        public int Elsewhere { get; set; }
    }
}
