using System.Text.Json;
using AIRisk.Web.Audit;

namespace AIRisk.Web.Alerts;

/// <summary>
/// An alert as an audit record and back: the record of the staff member it concerns, action <see cref="AuditAction.Alert"/>,
/// its JSON (the webhook's body, byte for byte) as the detail.
/// </summary>
public static class AlertRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The webhook's body and the record's detail.</summary>
    public static string ToJson(Alert alert) => JsonSerializer.Serialize(alert, Json);

    public static AuditEntry ToEntry(Alert alert, string? sessionId = null) => new()
    {
        AtUtc = alert.At,
        StaffId = alert.Staff.Id,
        StaffName = alert.Staff.Name,
        Action = AuditAction.Alert,
        Outcome = AuditOutcome.Succeeded,
        TargetUserId = alert.Targets.Count == 1 ? alert.Targets[0].Id : null,
        TargetUserName = alert.Targets.Count == 1 ? alert.Targets[0].Name : null,
        Detail = ToJson(alert),
        SessionId = sessionId,
    };

    /// <returns>The alert an <see cref="AuditAction.Alert"/> record holds, or <c>null</c> for any other record.</returns>
    public static Alert? FromEntry(AuditEntry entry) =>
        entry is { Action: AuditAction.Alert, Detail: { } detail } ? JsonSerializer.Deserialize<Alert>(detail, Json) : null;
}
