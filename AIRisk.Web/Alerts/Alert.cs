using System.Text.Json.Serialization;

namespace AIRisk.Web.Alerts;

/// <summary>
/// What a detection rule found, exactly as the webhook sends it: its JSON is the record's detail in the audit trail, so
/// the chain covers it and every retry carries the same <see cref="Id"/>.
/// </summary>
public sealed record Alert(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("severity")] AlertSeverity Severity,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("staff")] AlertPerson Staff,
    [property: JsonPropertyName("targets")] IReadOnlyList<AlertPerson> Targets,
    [property: JsonPropertyName("sessions")] IReadOnlyList<string> Sessions,
    [property: JsonPropertyName("summary")] string Summary);

/// <summary>A staff member or an AIRisk user named in an alert.</summary>
public sealed record AlertPerson([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("name")] string Name);
