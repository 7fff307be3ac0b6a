using System.Net;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.E2E;

/// <summary>What a Prometheus scraper on the node reads after staff switched in a real browser.</summary>
[Collection(BrowserSuite.Name)]
public sealed class MetricsTests(PrometheusAppFixture fixture) : BrowserTest(fixture), IClassFixture<PrometheusAppFixture>
{
    [Fact]
    public async Task After_a_switch_metrics_show_its_duration_the_session_and_AIRisk_s_calls_without_naming_anyone()
    {
        var user = Fixture.FreshUser();
        await OpenDashboardAsync();
        await ActAsAsync(user);
        await Expect(AgentItems.First).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = Fixture.App.BaseAddress };
        using var response = await http.GetAsync("/metrics", Ct);
        var metrics = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSeries(metrics, "airisk_switch_duration_seconds_count", "cache=\"miss\"", "outcome=\"succeeded\"");
        AssertSeries(metrics, "airisk_acting_sessions");
        AssertSeries(metrics, "airisk_api_duration_seconds_count", "call=\"ListAgents\"", "status_class=\"2xx\"");
        AssertSeries(metrics, "airisk_token_requests_total", "kind=\"user\"", "outcome=\"succeeded\"");
        Assert.DoesNotContain(user.Id, metrics, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(user.DisplayName, metrics, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_scrape_a_proxy_forwarded_is_refused_though_it_comes_from_loopback()
    {
        using var http = new HttpClient { BaseAddress = Fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static void AssertSeries(string metrics, string name, params string[] labels) =>
        Assert.Contains(metrics.Split('\n'), line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)));
}
