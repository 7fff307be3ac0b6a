using System.Text.Json.Nodes;
using AIRisk.Web.Alerts;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.Web.Audit.Streaming;

public sealed class OcsfEventTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, 891, TimeSpan.Zero);

    [Theory]
    [InlineData(AuditAction.ActAs, 3002, 3, 7, 300207)]
    [InlineData(AuditAction.Resumed, 3002, 3, 7, 300207)]
    [InlineData(AuditAction.Stop, 3002, 3, 2, 300202)]
    [InlineData(AuditAction.Expire, 3002, 3, 2, 300202)]
    [InlineData(AuditAction.TokenRenewed, 3002, 3, 99, 300299)]
    [InlineData(AuditAction.Viewed, 6003, 6, 2, 600302)]
    [InlineData(AuditAction.AuditRead, 6003, 6, 2, 600302)]
    [InlineData(AuditAction.Write, 6003, 6, 1, 600301)]
    [InlineData(AuditAction.ApprovalRequested, 6003, 6, 1, 600301)]
    [InlineData(AuditAction.ApprovalDecided, 6003, 6, 3, 600303)]
    [InlineData(AuditAction.ApprovalExpired, 6003, 6, 3, 600303)]
    [InlineData(AuditAction.ApprovalWithdrawn, 6003, 6, 3, 600303)]
    [InlineData(AuditAction.BreakGlass, 6003, 6, 3, 600303)]
    public void Each_action_has_its_class_category_activity_and_type(AuditAction action, int classUid, int categoryUid, int activityId, long typeUid)
    {
        var ocsf = Event(Entry(action));

        Assert.Equal(classUid, (int)ocsf["class_uid"]!);
        Assert.Equal(categoryUid, (int)ocsf["category_uid"]!);
        Assert.Equal(activityId, (int)ocsf["activity_id"]!);
        Assert.Equal(typeUid, (long)ocsf["type_uid"]!);
    }

    [Fact]
    public void Every_action_maps_to_an_event()
    {
        var actions = Enum.GetValues<AuditAction>();

        var classes = actions.Select(a => (int)Event(Entry(a))["class_uid"]!);

        Assert.All(classes, c => Assert.Contains(c, new[] { 3002, 6003, 2004 }));
    }

    [Fact]
    public void An_alert_is_a_detection_finding_with_its_id_rule_summary_and_severity_the_staff_member_as_actor_and_the_targets_as_resources()
    {
        var alert = new Alert("alert-7", AlertRules.FanOut, AlertSeverity.High, At, new AlertPerson("staff-1", "Ann Staff"),
            [new AlertPerson("user-1", "Zoë Müller"), new AlertPerson("user-2", "Bo Li")], ["s-1", "s-2"], "Ann Staff acted as 11 users within 15 minutes");

        var ocsf = Event(AlertRecord.ToEntry(alert) with { Seq = 1234 });

        Assert.Equal(2004, (int)ocsf["class_uid"]!);
        Assert.Equal(200401, (long)ocsf["type_uid"]!);
        Assert.Equal("Findings", (string)ocsf["category_name"]!);
        Assert.Equal("alert-7", (string)ocsf["finding_info"]!["uid"]!);
        Assert.Equal(alert.Summary, (string)ocsf["finding_info"]!["title"]!);
        Assert.Equal(["fan-out"], ocsf["finding_info"]!["types"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("fan-out", (string)ocsf["finding_info"]!["analytic"]!["name"]!);
        Assert.Equal(4, (int)ocsf["severity_id"]!);
        Assert.Equal("High", (string)ocsf["severity"]!);
        Assert.Equal(1, (int)ocsf["status_id"]!);
        Assert.Equal("New", (string)ocsf["status"]!);
        Assert.Equal("staff-1", (string)ocsf["actor"]!["user"]!["uid"]!);
        Assert.Equal(["user-1", "user-2"], ocsf["resources"]!.AsArray().Select(r => (string)r!["uid"]!));
        Assert.Equal(["User", "User"], ocsf["resources"]!.AsArray().Select(r => (string)r!["type"]!));
        Assert.Equal(alert.Summary, (string)ocsf["message"]!);
        Assert.Equal(AlertRecord.ToJson(alert), (string)ocsf["unmapped"]!["detail"]!);
    }

    [Theory]
    [InlineData(AlertSeverity.Medium, 3, 4)]
    [InlineData(AlertSeverity.High, 4, 3)]
    [InlineData(AlertSeverity.Critical, 5, 2)]
    public void An_alerts_severity_is_its_OCSF_severity_and_its_syslog_severity(AlertSeverity severity, int severityId, int syslogSeverity)
    {
        var alert = new Alert("alert-7", AlertRules.AuditHealth, severity, At, new AlertPerson("staff-1", "Ann Staff"), [], [], "The audit stream lags");

        var entry = AlertRecord.ToEntry(alert);

        Assert.Equal(severityId, (int)Event(entry)["severity_id"]!);
        Assert.Equal(syslogSeverity, SyslogAuditDestination.Message(AuditStreamItem.Of(entry, "00")).Severity);
    }

    [Theory]
    [InlineData(AlertTriage.Acknowledged, 2, "In Progress")]
    [InlineData(AlertTriage.Confirmed, 2, "In Progress")]
    [InlineData(AlertTriage.FalsePositive, 3, "Suppressed")]
    public void A_triage_updates_the_finding_of_its_alert(AlertTriage state, int statusId, string status)
    {
        var ocsf = Event(new AlertTriaged("alert-7", state).ToEntry(new AIRisk.Web.StaffSignIn.StaffMember("auditor-1", "Ida Auditor", new HashSet<string>(), IsLocal: false), At));

        Assert.Equal(200402, (long)ocsf["type_uid"]!);
        Assert.Equal("alert-7", (string)ocsf["finding_info"]!["uid"]!);
        Assert.Equal(statusId, (int)ocsf["status_id"]!);
        Assert.Equal(status, (string)ocsf["status"]!);
        Assert.Equal("auditor-1", (string)ocsf["actor"]!["user"]!["uid"]!);
    }

    [Fact]
    public void A_denied_approval_names_the_approver_as_actor_the_target_and_the_note_and_is_a_refusal()
    {
        var ocsf = Event(Entry(AuditAction.ApprovalDecided) with { Outcome = AuditOutcome.Refused, Reason = "use the customer's own admin", Detail = "request r-1 by Ann Asker: acting as a Company Admin" });

        Assert.Equal("Ann Staff: decided a request to act as Zoë Müller (Refused)", (string)ocsf["message"]!);
        Assert.Equal(2, (int)ocsf["status_id"]!);
        Assert.Equal("use the customer's own admin", (string)ocsf["unmapped"]!["reason"]!);
        Assert.Equal("request r-1 by Ann Asker: acting as a Company Admin", (string)ocsf["unmapped"]!["detail"]!);
    }

    [Fact]
    public void A_session_start_is_an_impersonating_account_switch_by_the_staff_member_into_the_AIRisk_user()
    {
        var ocsf = Event(Entry(AuditAction.ActAs) with { Reason = "ticket 42", Detail = "session s-1", ClientIp = "10.0.0.7", UserAgent = "Firefox" });

        Assert.Equal("staff-1", (string)ocsf["actor"]!["user"]!["uid"]!);
        Assert.Equal("Ann Staff", (string)ocsf["actor"]!["user"]!["name"]!);
        Assert.Equal("user-9", (string)ocsf["user"]!["uid"]!);
        Assert.Equal("Zoë Müller", (string)ocsf["user"]!["name"]!);
        Assert.Equal(2, (int)ocsf["account_switch_type_id"]!);
        Assert.Equal("Impersonate", (string)ocsf["account_switch_type"]!);
        Assert.Equal("s-1", (string)ocsf["session"]!["uid"]!);
        Assert.Equal("10.0.0.7", (string)ocsf["src_endpoint"]!["ip"]!);
        Assert.Equal("Firefox", (string)ocsf["http_request"]!["user_agent"]!);
        Assert.Equal("ticket 42", (string)ocsf["unmapped"]!["reason"]!);
        Assert.Equal("session s-1", (string)ocsf["unmapped"]!["detail"]!);
    }

    [Fact]
    public void Metadata_carries_the_schema_version_the_product_the_sequence_and_the_session_and_time_is_in_milliseconds()
    {
        var ocsf = Event(Entry(AuditAction.Stop));

        Assert.Equal("1.6.0", (string)ocsf["metadata"]!["version"]!);
        Assert.Equal("AIRisk Console", (string)ocsf["metadata"]!["product"]!["name"]!);
        Assert.Equal("1234", (string)ocsf["metadata"]!["uid"]!);
        Assert.Equal("s-1", (string)ocsf["metadata"]!["correlation_uid"]!);
        Assert.Equal("Stop", (string)ocsf["metadata"]!["event_code"]!);
        Assert.Equal(At.ToUnixTimeMilliseconds(), (long)ocsf["time"]!);
    }

    [Theory]
    [InlineData(AuditOutcome.Succeeded, 1, "Success", 1)]
    [InlineData(AuditOutcome.Refused, 2, "Failure", 3)]
    [InlineData(AuditOutcome.Failed, 2, "Failure", 2)]
    [InlineData(AuditOutcome.Requested, 99, "Requested", 1)]
    [InlineData(AuditOutcome.Superseded, 99, "Superseded", 1)]
    public void Each_outcome_has_its_status_and_severity(AuditOutcome outcome, int statusId, string status, int severityId)
    {
        var ocsf = Event(Entry(AuditAction.ActAs) with { Outcome = outcome, Error = outcome == AuditOutcome.Failed ? "AIRisk answered 503" : null });

        Assert.Equal(statusId, (int)ocsf["status_id"]!);
        Assert.Equal(status, (string)ocsf["status"]!);
        Assert.Equal(outcome.ToString(), (string)ocsf["status_code"]!);
        Assert.Equal(severityId, (int)ocsf["severity_id"]!);
    }

    [Fact]
    public void A_failed_write_says_why_in_status_detail_and_names_the_user_as_its_resource()
    {
        var ocsf = Event(Entry(AuditAction.Write) with { Outcome = AuditOutcome.Failed, Error = "AIRisk answered 503", Detail = "question in conversation c-1" });

        Assert.Equal("AIRisk answered 503", (string)ocsf["status_detail"]!);
        Assert.Equal("Write", (string)ocsf["api"]!["operation"]!);
        Assert.Equal("user-9", (string)ocsf["resources"]![0]!["uid"]!);
        Assert.Equal("question in conversation c-1", (string)ocsf["unmapped"]!["detail"]!);
        Assert.Equal("staff-1", (string)ocsf["actor"]!["user"]!["uid"]!);
    }

    [Fact]
    public void Attributes_without_a_value_are_left_out_rather_than_sent_as_null()
    {
        var json = OcsfEvent.ToJson(Entry(AuditAction.AuditRead) with { SessionId = null, TargetUserId = null, TargetUserName = null });

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("correlation_uid", json, StringComparison.Ordinal);
    }

    private static JsonObject Event(AuditEntry entry) => JsonNode.Parse(OcsfEvent.ToJson(entry))!.AsObject();

    private static AuditEntry Entry(AuditAction action) => new()
    {
        Seq = 1234,
        AtUtc = At,
        StaffId = "staff-1",
        StaffName = "Ann Staff",
        Action = action,
        Outcome = AuditOutcome.Succeeded,
        TargetUserId = "user-9",
        TargetUserName = "Zoë Müller",
        SessionId = "s-1",
    };
}
