using AIRisk.Core.Configuration;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;
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

    [Fact]
    public void A_Redis_connection_string_that_does_not_parse_is_named_without_its_value()
    {
        var problems = Problems(new()
        {
            [ClusterOptions.RedisConnectionKey] = "redis.internal:6379,password=hunter2,sslmode=maybe",
            [AuditOptions.PostgresConnectionKey] = "Host=127.0.0.1;Username=node;Password=pg-secret",
        });

        var problem = Assert.Single(problems);
        Assert.StartsWith("REDIS_CONNECTION is not a StackExchange.Redis configuration string", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_Development_a_key_ring_in_PostgreSQL_without_a_certificate_is_named()
    {
        var problems = Problems(new() { [AuditOptions.PostgresConnectionKey] = "Host=127.0.0.1;Username=node;Password=pg-secret" }, "Production");

        // The audit signing key is named too (its own test); this one is about the key ring.
        Assert.Single(problems, p => p.Contains(KeyRingCertificate.PathKey, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain("pg-secret", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_syslog_destination_that_is_not_tcp_or_tls_with_a_port_is_named_with_what_it_takes()
    {
        var problems = Problems(new()
        {
            [AuditStreamOptions.SyslogKey] = "udp://siem.example:514",
            [AuditStreamOptions.LagDegradedSecondsKey] = "0",
        });

        Assert.Equal(
        [
            "AUDIT_SYSLOG must be tcp://host:port or tls://host:port (got 'udp://siem.example:514').",
            "AUDIT_STREAM_LAG_DEGRADED_SECONDS must be a whole number from 1 to 86400 (got '0').",
        ], problems);
    }

    [Fact]
    public void A_retention_shorter_than_the_twelve_months_PCI_DSS_asks_for_is_refused()
    {
        var problems = Problems(new() { [AIRisk.Web.Audit.Checkpoints.AuditChainOptions.RetentionMonthsKey] = "6" });

        Assert.Equal(["AUDIT_RETENTION_MONTHS must be a whole number from 12 to 1200 (got '6')."], problems);
    }

    [Fact]
    public void A_syslog_CA_file_that_cannot_be_read_is_named()
    {
        var problems = Problems(new()
        {
            [AuditStreamOptions.SyslogKey] = "tls://siem.example:6514",
            [AuditStreamOptions.SyslogCaFileKey] = "/nonexistent/ca.pem",
        });

        var problem = Assert.Single(problems);
        Assert.StartsWith("AUDIT_SYSLOG_CA_FILE cannot be read as PEM certificates (/nonexistent/ca.pem", problem, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings, string environmentName = "Development")
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
        var environment = Mock.Of<IWebHostEnvironment>(e => e.EnvironmentName == environmentName && e.ContentRootPath == Path.GetTempPath());
        // As the host registers it.
        var services = new ServiceCollection().AddLogging().AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(environment);
        services.AddAIRiskWeb(configuration, environment);
        using var provider = services.BuildServiceProvider();

        return StartupGuard.ConfigurationProblems(provider);
    }
}
