using System.Text.Json.Nodes;
using AIRisk.Web.Alerts;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>The OTLP/JSON encoding of a batch, as the OTLP spec's JSON mapping writes it.</summary>
public sealed class OtlpLogsRequestTests
{
    private static readonly AuditEntry Refused = new()
    {
        Seq = 42,
        AtUtc = new DateTimeOffset(2026, 12, 7, 3, 29, 1, TimeSpan.Zero).AddTicks(1234567),
        StaffId = "staff-1",
        StaffName = "Ann",
        Action = AuditAction.ActAs,
        Outcome = AuditOutcome.Refused,
        TargetUserId = "user-1",
    };

    [Fact]
    public void A_record_is_one_log_record_with_64_bit_integers_as_strings_and_the_severity_as_a_number()
    {
        var record = LogRecords([AuditStreamItem.Of(Refused, new string('a', 64))]).Single();

        Assert.Equal("1796614141123456700", (string)record["timeUnixNano"]!);
        Assert.Equal((13, "WARN"), ((int)record["severityNumber"]!, (string)record["severityText"]!));
        Assert.Equal(OcsfEvent.ToJson(Refused), (string)record["body"]!["stringValue"]!);
        Assert.Equal(
            """[{"key":"airisk.audit.seq","value":{"intValue":"42"}},{"key":"airisk.audit.hash","value":{"stringValue":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}},{"key":"ocsf.class_uid","value":{"intValue":"3002"}},{"key":"event.name","value":{"stringValue":"airisk.audit.act_as"}}]""",
            record["attributes"]!.ToJsonString());
        Assert.Equal("airisk.audit.act_as", (string)record["eventName"]!);
    }

    [Fact]
    public void A_checkpoint_is_a_log_record_whose_body_is_its_line()
    {
        var checkpoint = new AuditCheckpoint(1000, new string('b', 64), new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc).Ticks, "0123456789abcdef", "c2ln");

        var record = LogRecords([AuditStreamItem.Of(checkpoint)]).Single();

        Assert.Equal(AuditCheckpointLine.Format(checkpoint), (string)record["body"]!["stringValue"]!);
        Assert.Equal("1796601600000000000", (string)record["timeUnixNano"]!);
        Assert.Equal("airisk.audit.checkpoint", (string)record["eventName"]!);
    }

    [Fact]
    public void The_batch_names_the_console_as_its_service_and_the_trail_as_its_scope()
    {
        var request = JsonNode.Parse(OtlpLogsRequest.ToJson([AuditStreamItem.Of(Refused, "h")]))!;

        var resourceLogs = request["resourceLogs"]![0]!;
        Assert.Equal("""[{"key":"service.name","value":{"stringValue":"AIRisk.Console"}}]""", resourceLogs["resource"]!["attributes"]!.ToJsonString());
        Assert.Equal("AIRisk.Console.Audit", (string)resourceLogs["scopeLogs"]![0]!["scope"]!["name"]!);
    }

    [Theory]
    [InlineData(AuditAction.Viewed, "airisk.audit.viewed")]
    [InlineData(AuditAction.TokenRenewed, "airisk.audit.token_renewed")]
    [InlineData(AuditAction.AlertTriaged, "airisk.audit.alert_triaged")]
    public void The_event_name_is_the_action_in_snake_case(AuditAction action, string name)
    {
        Assert.Equal(name, OtlpLogsRequest.EventName(action));
    }

    [Theory]
    [InlineData(AuditOutcome.Succeeded, 9)]
    [InlineData(AuditOutcome.Failed, 10)]
    [InlineData(AuditOutcome.Refused, 13)]
    public void The_severity_follows_the_OCSF_severity(AuditOutcome outcome, int number)
    {
        Assert.Equal(number, OtlpLogsRequest.Severity(OcsfEvent.SeverityId(outcome)).Number);
    }

    [Theory]
    [InlineData(AlertSeverity.Medium, 13)]
    [InlineData(AlertSeverity.High, 17)]
    [InlineData(AlertSeverity.Critical, 21)]
    public void An_alerts_log_record_has_the_alerts_severity(AlertSeverity severity, int number)
    {
        var alert = new Alert("alert-7", AlertRules.FanOut, severity, DateTimeOffset.UtcNow, new AlertPerson("staff-1", "Ann Staff"), [], [], "Ann Staff acted as 11 users");

        var record = LogRecords([AuditStreamItem.Of(AlertRecord.ToEntry(alert) with { Seq = 1 }, "00")]).Single();

        Assert.Equal(number, (int)record["severityNumber"]!);
    }

    private static List<JsonNode> LogRecords(IReadOnlyList<AuditStreamItem> items) =>
        [.. JsonNode.Parse(OtlpLogsRequest.ToJson(items))!["resourceLogs"]![0]!["scopeLogs"]![0]!["logRecords"]!.AsArray().Select(r => r!)];
}
