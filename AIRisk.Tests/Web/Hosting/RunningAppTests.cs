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
}
