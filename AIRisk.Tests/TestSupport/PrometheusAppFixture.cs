namespace AIRisk.Tests.TestSupport;

/// <summary>The browser tests' app with its Prometheus scrape endpoint on (<c>METRICS_PROMETHEUS=true</c>).</summary>
public sealed class PrometheusAppFixture : BrowserAppFixture
{
    protected override void Configure(Dictionary<string, string?> environment) => environment["METRICS_PROMETHEUS"] = "true";
}
