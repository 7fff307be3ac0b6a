using AIRisk.Web.Audit.Streaming;
using Microsoft.Extensions.Configuration;

namespace AIRisk.Tests.Web.Audit.Streaming;

public sealed class OtlpLogsEndpointTests
{
    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/logs")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/logs")]
    [InlineData("https://otlp.example.com/tenant-7/", "https://otlp.example.com/tenant-7/v1/logs")]
    public void The_logs_go_to_v1_logs_under_the_base_endpoint(string endpoint, string expected)
    {
        var read = Read(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, read!.Url.ToString());
    }

    [Fact]
    public void The_logs_endpoint_is_used_as_it_is()
    {
        var read = Read(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317",
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = "http://collector:4318/custom/logs",
        }, out _);

        Assert.Equal("http://collector:4318/custom/logs", read!.Url.ToString());
    }

    [Fact]
    public void Nothing_is_sent_without_the_base_endpoint()
    {
        var read = Read(new() { ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = "http://collector:4318/v1/logs" }, out var problems);

        Assert.Null(read);
        Assert.Empty(problems);
    }

    [Fact]
    public void Headers_are_percent_decoded_and_the_logs_headers_win()
    {
        var read = Read(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-general=1",
            ["OTEL_EXPORTER_OTLP_LOGS_HEADERS"] = "Authorization=Basic%20YWJj%3D, x-tenant = audit",
        }, out _);

        Assert.Equal([new("Authorization", "Basic YWJj="), new("x-tenant", "audit")], read!.Headers);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318?token=hunter2")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "ftp://hunter2@collector")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "Authorization Bearer hunter2")]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", "x-ok=1,=hunter2")]
    public void A_malformed_key_is_named_without_its_value(string key, string value)
    {
        Dictionary<string, string?> settings = new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318" };
        settings[key] = value;

        var read = Read(settings, out var problems);

        Assert.Null(read);
        var problem = Assert.Single(problems);
        Assert.StartsWith(key, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_text_shows_neither_the_headers_nor_a_query()
    {
        var read = Read(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318",
            ["OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"] = "https://collector/v1/logs?key=hunter2",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-api-key=hunter2",
        }, out _);

        Assert.Equal("https://collector/v1/logs", read!.ToString());
    }

    private static OtlpLogsEndpoint? Read(Dictionary<string, string?> settings, out List<string> problems)
    {
        problems = [];
        return OtlpLogsEndpoint.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), problems);
    }
}
