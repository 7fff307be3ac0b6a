using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// The Detection Finding (2004) attributes of an alert and of its triage, read from the record's detail: the alert's
/// JSON as the webhook sends it (<c>id</c>, <c>rule</c>, <c>severity</c>, <c>at</c>, <c>targets</c>, <c>sessions</c>,
/// <c>summary</c>), or the triage's (<c>alert</c>, <c>state</c>). Read as JSON, not as the Alerts feature's types: the
/// audit trail does not depend on the features that write to it, and the JSON is the contract either way.
/// </summary>
public static class OcsfFinding
{
    /// <summary>OCSF's severity_id for an alert's severity: Medium 3, High 4, Critical 5.</summary>
    public static int? SeverityId(AuditEntry entry) => entry.Action == AuditAction.Alert && Parse(entry.Detail) is { } alert
        ? (string?)alert["severity"] switch
        {
            "critical" => 5,
            "high" => 4,
            "medium" => 3,
            _ => null,
        }
        : null;

    /// <summary>The alert's summary, or what the triage did, as the event's message; <c>null</c> when the detail is not one.</summary>
    public static string? Message(AuditEntry entry) => Parse(entry.Detail) is not { } detail ? null : entry.Action switch
    {
        AuditAction.Alert => (string?)detail["summary"],
        AuditAction.AlertTriaged => $"{entry.StaffName}: triaged alert {(string?)detail["alert"]} as {(string?)detail["state"]}",
        _ => null,
    };

    /// <summary>
    /// Adds <c>finding_info</c> (uid the alert's id, title its summary, types its rule, the rule as the analytic), the
    /// finding's <c>status_id</c> (an alert is New; a triage In Progress, or Suppressed for a false positive), and the
    /// targets as <c>resources</c>. The staff member is already the <c>actor</c>.
    /// </summary>
    public static void AddTo(JsonObject ocsf, AuditEntry entry)
    {
        var detail = Parse(entry.Detail);
        if (entry.Action == AuditAction.AlertTriaged)
        {
            var state = (string?)detail?["state"];
            var (statusId, status) = state switch
            {
                "new" => (1, "New"),
                "false-positive" => (3, "Suppressed"),
                _ => (2, "In Progress"),
            };
            ocsf["finding_info"] = new JsonObject { ["uid"] = (string?)detail?["alert"], ["title"] = $"Alert triaged as {state}" };
            SetStatus(ocsf, statusId, status, state);
            return;
        }

        var rule = (string?)detail?["rule"];
        ocsf["finding_info"] = new JsonObject
        {
            ["uid"] = (string?)detail?["id"],
            ["title"] = (string?)detail?["summary"],
            ["desc"] = (string?)detail?["summary"],
            ["types"] = rule is null ? null : new JsonArray(rule),
            ["analytic"] = rule is null ? null : new JsonObject { ["name"] = rule, ["type_id"] = 1, ["type"] = "Rule" },
            ["created_time"] = entry.AtUtc.ToUnixTimeMilliseconds(),
        };
        SetStatus(ocsf, 1, "New", "new");
        var resources = new JsonArray();
        if (detail?["targets"] is JsonArray targets)
        {
            foreach (var target in targets.OfType<JsonObject>())
                resources.Add(new JsonObject { ["type"] = "User", ["uid"] = (string?)target["id"], ["name"] = (string?)target["name"] });
        }

        ocsf["resources"] = resources;
    }

    private static void SetStatus(JsonObject ocsf, int statusId, string status, string? detail)
    {
        ocsf["status_id"] = statusId;
        ocsf["status"] = status;
        ocsf["status_detail"] = detail;
    }

    private static JsonObject? Parse(string? detail)
    {
        if (detail is null)
            return null;
        try
        {
            return JsonNode.Parse(detail) as JsonObject;
        }
        catch (JsonException)
        {
            // A detail that is not the alert's JSON: the event goes out without the finding's attributes.
            return null;
        }
    }
}
