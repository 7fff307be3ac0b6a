using System.Text.Json.Serialization;

namespace AIRisk.Web.Alerts;

/// <summary>How urgent an alert is; sent in lower case (<c>"high"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertSeverity>))]
public enum AlertSeverity
{
    [JsonStringEnumMemberName("medium")]
    Medium,

    [JsonStringEnumMemberName("high")]
    High,

    [JsonStringEnumMemberName("critical")]
    Critical,
}
