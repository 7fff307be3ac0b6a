using AIRisk.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// OpenTelemetry: the console's own meter and spans (<see cref="ConsoleTelemetry"/>), ASP.NET Core (with Blazor's
/// circuit and component meters), HttpClient, EF Core and the runtime. Exported over OTLP when the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; scraped at <c>/metrics</c> with <c>METRICS_PROMETHEUS=true</c>; otherwise
/// collected for nobody.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string PrometheusKey = "METRICS_PROMETHEUS";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Blazor's meters on .NET 10 (circuits, component renders and events).</summary>
    private static readonly string[] BlazorMeters =
        ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Lifecycle", "Microsoft.AspNetCore.Components.Server.Circuits"];

    public static bool PrometheusEnabled(IConfiguration configuration) =>
        bool.TryParse(configuration[PrometheusKey], out var enabled) && enabled;

    public static IServiceCollection AddAIRiskTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ConsoleTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConsoleTelemetry.Name).AddMeter(BlazorMeters)
                    .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (PrometheusEnabled(configuration))
                    metrics.AddPrometheusExporter();
            })
            .WithTracing(tracing => tracing.AddSource(ConsoleTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = RedactPath)
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]))
            telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary>A deep link names a user in its path (<c>/act/{userId}</c>): spans get the route, never the id.</summary>
    private static void RedactPath(System.Diagnostics.Activity activity, HttpRequest request)
    {
        if (request.Path.StartsWithSegments("/act", StringComparison.OrdinalIgnoreCase))
        {
            activity.SetTag("url.path", "/act/{userId}");
            activity.DisplayName = $"{request.Method} /act/{{userId}}";
        }
    }
}
