namespace AIRisk.Web.Hosting.Telemetry;

/// <summary>Where the console's metrics and spans go besides being collected.</summary>
public sealed class TelemetryOptions
{
    public const string PrometheusKey = "METRICS_PROMETHEUS";

    /// <summary>The OpenTelemetry SDK's own key: it reads the address itself, the console only sees whether it is set.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Serve <c>/metrics</c> for a Prometheus scraper.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Export over OTLP.</summary>
    public bool Otlp { get; set; }

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
