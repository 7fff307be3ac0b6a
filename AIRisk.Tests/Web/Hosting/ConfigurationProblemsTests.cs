using AIRisk.Core.Configuration;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Cluster;
using AIRisk.Web.Hosting;
using AIRisk.Web.Hosting.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AIRisk.Tests.Web.Hosting;

/// <summary>What the start-up message lists, gathered from every concern's validator as the app registers them.</summary>
public sealed class ConfigurationProblemsTests
{
    [Fact]
    public void A_complete_configuration_has_no_problems()
    {
        var problems = Problems([]);

        Assert.Empty(problems);
    }

    [Fact]
    public void Malformed_keys_of_different_concerns_are_listed_together_with_AIRisk_first()
    {
        var problems = Problems(new()
        {
            [AIRiskKeys.TimeoutSeconds] = "soon",
            [ConsolePolicyKeys.RequireReason] = "maybe",
            [TelemetryOptions.PrometheusKey] = "yes",
        });

        Assert.Equal(
        [
            "AIRISK_TIMEOUT_SECONDS must be a whole number from 1 to 600 (got 'soon').",
            "REQUIRE_REASON must be 'true' or 'false' (got 'maybe').",
            "METRICS_PROMETHEUS must be 'true' or 'false' (got 'yes').",
        ], problems);
    }

    [Fact]
    public void Redis_without_PostgreSQL_is_named_with_why_it_needs_it()
    {
        var problems = Problems(new() { [ClusterOptions.RedisConnectionKey] = "127.0.0.1:9,abortConnect=false" });

        var problem = Assert.Single(problems);
        Assert.StartsWith($"REDIS_CONNECTION needs {AuditOptions.PostgresConnectionKey}", problem, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings)
    {
        Dictionary<string, string?> values = new()
        {
            [AIRiskKeys.BaseUrl] = "https://tenant.aicrisk.example",
            [AIRiskKeys.ClientId] = "client",
            [AIRiskKeys.ClientSecret] = "secret",
            [AIRiskKeys.RedirectUri] = "https://console.example/callback",
        };
        foreach (var (key, value) in settings)
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var environment = Mock.Of<IWebHostEnvironment>(e => e.EnvironmentName == "Development" && e.ContentRootPath == Path.GetTempPath());
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskWeb(configuration, environment);
        using var provider = services.BuildServiceProvider();

        return StartupGuard.ConfigurationProblems(provider);
    }
}
