using System.Net;
using AIRisk.TestSupport;

namespace AIRisk.Tests.Web.Hosting;

/// <summary>The Prometheus scrape endpoint is off unless asked for (on: <c>E2E.MetricsTests</c>).</summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_it_there_is_no_metrics_endpoint()
    {
        await using var app = await WebAppProcess.StartAsync(ct: Ct);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await http.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
