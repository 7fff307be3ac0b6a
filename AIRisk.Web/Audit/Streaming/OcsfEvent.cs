using System.Reflection;
using System.Text.Json.Nodes;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// One audit record as an OCSF 1.6 event (JSON, one line, ASCII: anything else is escaped). The staff member is the
/// <c>actor</c>; the AIRisk user acted as is Authentication's <c>user</c>, and API Activity's first resource. The
/// sequence is <c>metadata.uid</c>, the acting session <c>metadata.correlation_uid</c> and <c>session.uid</c>, the
/// action <c>metadata.event_code</c>. The outcome maps to <c>status_id</c> (Succeeded: Success; Refused and Failed:
/// Failure; Requested and Superseded, which are neither yet: Other) with the outcome itself in <c>status_code</c>;
/// <c>severity_id</c> is Informational, Low for a failure, Medium for a refusal (policy said no). What OCSF has no
/// place for, the reason given and the record's detail, is in <c>unmapped</c>. An alert and its triage are Detection
/// Findings, with the alert's own severity and the finding's attributes (<see cref="OcsfFinding"/>).
/// </summary>
public static class OcsfEvent
{
    public const string SchemaVersion = "1.6.0";

    public const string ProductName = "AIRisk Console";

    private static readonly string ProductVersion =
        typeof(OcsfEvent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <summary>OCSF's severity_id of a record: an alert's own severity, else by its outcome.</summary>
    public static int SeverityId(AuditEntry entry) => OcsfFinding.SeverityId(entry) ?? SeverityId(entry.Outcome);

    /// <summary>OCSF's severity_id: 1 Informational, 2 Low, 3 Medium.</summary>
    public static int SeverityId(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Refused => 3,
        AuditOutcome.Failed => 2,
        _ => 1,
    };

    /// <summary>The event as one line of JSON, without the attributes the record has no value for.</summary>
    public static string ToJson(AuditEntry entry) => WithoutNulls(From(entry)).ToJsonString();

    public static JsonObject From(AuditEntry entry)
    {
        var kind = OcsfClass.Of(entry.Action);
        var severity = SeverityId(entry);
        var (statusId, status) = entry.Outcome switch
        {
            AuditOutcome.Succeeded => (1, "Success"),
            AuditOutcome.Refused or AuditOutcome.Failed => (2, "Failure"),
            _ => (99, entry.Outcome.ToString()),
        };
        var ocsf = new JsonObject
        {
            ["class_uid"] = kind.ClassUid,
            ["class_name"] = kind.ClassName,
            ["category_uid"] = kind.CategoryUid,
            ["category_name"] = kind.CategoryName,
            ["activity_id"] = kind.ActivityId,
            ["activity_name"] = kind.ActivityId == 99 ? "Token Renewal" : kind.ActivityName,
            ["type_uid"] = kind.TypeUid,
            ["type_name"] = kind.TypeName,
            ["time"] = entry.AtUtc.ToUnixTimeMilliseconds(),
            ["severity_id"] = severity,
            ["severity"] = severity switch { 5 => "Critical", 4 => "High", 3 => "Medium", 2 => "Low", _ => "Informational" },
            ["status_id"] = statusId,
            ["status"] = status,
            ["status_code"] = entry.Outcome.ToString(),
            ["message"] = Message(entry),
            ["metadata"] = new JsonObject
            {
                ["version"] = SchemaVersion,
                ["uid"] = entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["correlation_uid"] = entry.SessionId,
                ["event_code"] = entry.Action.ToString(),
                ["log_name"] = "audit_log",
                ["product"] = new JsonObject { ["name"] = ProductName, ["vendor_name"] = "AIRisk", ["version"] = ProductVersion },
            },
            ["actor"] = new JsonObject
            {
                ["user"] = new JsonObject { ["uid"] = entry.StaffId, ["name"] = entry.StaffName },
                ["session"] = Session(entry),
            },
            ["src_endpoint"] = entry.ClientIp is { } ip ? new JsonObject { ["ip"] = ip } : new JsonObject(),
        };
        if (entry.Error is { } error)
            ocsf["status_detail"] = error;
        if (entry.UserAgent is { } agent)
            ocsf["http_request"] = new JsonObject { ["user_agent"] = agent };

        if (kind.ClassUid == OcsfClass.Authentication)
            AddAuthentication(ocsf, entry, kind);
        else if (kind.ClassUid == OcsfClass.DetectionFinding)
            OcsfFinding.AddTo(ocsf, entry);
        else
            AddApiActivity(ocsf, entry);

        var unmapped = new JsonObject();
        if (entry.Reason is { } reason)
            unmapped["reason"] = reason;
        if (entry.Detail is { } detail)
            unmapped["detail"] = detail;
        if (unmapped.Count > 0)
            ocsf["unmapped"] = unmapped;
        return ocsf;
    }

    private static void AddAuthentication(JsonObject ocsf, AuditEntry entry, OcsfClass kind)
    {
        ocsf["user"] = Target(entry);
        ocsf["service"] = new JsonObject { ["name"] = "AIRisk" };
        ocsf["session"] = Session(entry);
        ocsf["is_remote"] = true;
        if (kind.ActivityId == 7)
        {
            ocsf["account_switch_type_id"] = 2;
            ocsf["account_switch_type"] = "Impersonate";
        }
    }

    private static void AddApiActivity(JsonObject ocsf, AuditEntry entry)
    {
        ocsf["api"] = new JsonObject
        {
            ["operation"] = entry.Action.ToString(),
            ["service"] = new JsonObject { ["name"] = entry.Action == AuditAction.AuditRead ? ProductName : "AIRisk" },
        };
        var resources = new JsonArray();
        if (entry.Action == AuditAction.AuditRead)
            resources.Add(new JsonObject { ["type"] = "Audit Trail", ["name"] = "audit_log" });
        else
            resources.Add(new JsonObject { ["type"] = "User", ["uid"] = entry.TargetUserId, ["name"] = entry.TargetUserName });
        ocsf["resources"] = resources;
    }

    private static JsonObject WithoutNulls(JsonObject node)
    {
        foreach (var (name, value) in node.ToList())
        {
            if (value is null)
                node.Remove(name);
            else if (value is JsonObject inner)
                WithoutNulls(inner);
            else if (value is JsonArray items)
                foreach (var item in items.OfType<JsonObject>())
                    WithoutNulls(item);
        }

        return node;
    }

    private static JsonObject Target(AuditEntry entry) => new() { ["uid"] = entry.TargetUserId, ["name"] = entry.TargetUserName };

    private static JsonObject? Session(AuditEntry entry) => entry.SessionId is { } id ? new JsonObject { ["uid"] = id } : null;

    private static string Message(AuditEntry entry)
    {
        if (OcsfFinding.Message(entry) is { } finding)
            return finding;
        var target = entry.TargetUserName ?? entry.TargetUserId;
        var what = entry.Action switch
        {
            AuditAction.ActAs => $"act as {target}",
            AuditAction.Resumed => $"resumed acting as {target}",
            AuditAction.Stop => $"stopped acting as {target}",
            AuditAction.Expire => $"acting as {target} expired",
            AuditAction.TokenRenewed => $"token renewed for {target}",
            AuditAction.Viewed => $"viewed as {target}",
            AuditAction.Write => $"wrote as {target}",
            AuditAction.AuditRead => "read the audit trail",
            AuditAction.TicketNote => $"note on the ticket of acting as {target}",
            AuditAction.ApprovalRequested => $"asked for approval to act as {target}",
            AuditAction.ApprovalDecided => $"decided a request to act as {target}",
            AuditAction.ApprovalExpired => $"a request to act as {target} expired",
            AuditAction.ApprovalWithdrawn => $"withdrew a request to act as {target}",
            AuditAction.BreakGlass => $"acted as {target} without approval (break-glass)",
            _ => entry.Action.ToString(),
        };
        return $"{entry.StaffName}: {what} ({entry.Outcome})";
    }
}
