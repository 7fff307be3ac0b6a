using System.Text.Json;
using System.Text.Json.Serialization;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Alerts;

/// <summary>An auditor's triage of an alert, as the <see cref="AuditAction.AlertTriaged"/> record's detail.</summary>
public sealed record AlertTriaged([property: JsonPropertyName("alert")] string AlertId, [property: JsonPropertyName("state")] AlertTriage State)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public AuditEntry ToEntry(StaffMember auditor, DateTimeOffset at) => new()
    {
        AtUtc = at,
        StaffId = auditor.Id,
        StaffName = auditor.Name,
        Action = AuditAction.AlertTriaged,
        Outcome = AuditOutcome.Succeeded,
        Detail = JsonSerializer.Serialize(this, Json),
    };

    public static AlertTriaged? FromEntry(AuditEntry entry) =>
        entry is { Action: AuditAction.AlertTriaged, Detail: { } detail } ? JsonSerializer.Deserialize<AlertTriaged>(detail, Json) : null;
}
