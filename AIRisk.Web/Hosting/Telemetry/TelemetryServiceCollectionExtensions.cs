using AIRisk.Core.Configuration;
using AIRisk.Core.Telemetry;
using AIRisk.Web.Hosting.Telemetry;
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
    /// <summary>Blazor's meters on .NET 10 (circuits, component renders and events).</summary>
    private static readonly string[] BlazorMeters =
        ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Components.Lifecycle", "Microsoft.AspNetCore.Components.Server.Circuits"];

    public static IServiceCollection AddAIRiskTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddFlatOptions<TelemetryOptions, TelemetryOptionsValidator>(o =>
        {
            var values = new ConfigValues(configuration, o.BindingErrors);
            o.Prometheus = values.Bool(TelemetryOptions.PrometheusKey, false);
            o.Otlp = values.Text(TelemetryOptions.OtlpEndpointKey) is not null;
        });
        // Also a plain service: the pipeline maps /metrics from it before StartupGuard reads the validated options.
        services.AddSingleton(options);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ConsoleTelemetry.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ConsoleTelemetry.Name).AddMeter(BlazorMeters)
                    .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (options.Prometheus)
                    metrics.AddPrometheusExporter();
            })
            .WithTracing(tracing => tracing.AddSource(ConsoleTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = RedactPath)
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());
        if (options.Otlp)
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
