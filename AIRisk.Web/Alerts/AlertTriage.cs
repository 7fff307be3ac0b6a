using System.Text.Json.Serialization;

namespace AIRisk.Web.Alerts;

/// <summary>Where an auditor has put an alert; a new alert is <see cref="New"/> until someone triages it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertTriage>))]
public enum AlertTriage
{
    [JsonStringEnumMemberName("new")]
    New,

    [JsonStringEnumMemberName("acknowledged")]
    Acknowledged,

    [JsonStringEnumMemberName("false-positive")]
    FalsePositive,

    [JsonStringEnumMemberName("confirmed")]
    Confirmed,
}
