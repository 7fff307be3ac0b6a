using System.Globalization;
using System.Text.Json.Nodes;
using AIRisk.Core.Telemetry;
using AIRisk.Web.Audit.Checkpoints;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// A batch of the trail as one OTLP <c>ExportLogsServiceRequest</c> in OTLP/JSON (the protobuf JSON mapping with the
/// OTLP spec's exceptions: lowerCamelCase field names, enums as numbers, 64-bit integers as decimal strings). One log
/// record per audit record or checkpoint, in sequence order, under resource <c>service.name</c> = the console's
/// service name and scope <see cref="ScopeName"/> (so a collector can route the trail apart from the app's own logs).
/// A record's body is its OCSF event, a checkpoint's its line; both carry <c>airisk.audit.seq</c> and
/// <c>airisk.audit.hash</c>, by which a receiver de-duplicates.
/// </summary>
public static class OtlpLogsRequest
{
    public const string ScopeName = "AIRisk.Console.Audit";

    public const string CheckpointEventName = "airisk.audit.checkpoint";

    public static string ToJson(IReadOnlyList<AuditStreamItem> items)
    {
        var records = new JsonArray();
        foreach (var item in items)
            records.Add(LogRecord(item));
        return new JsonObject
        {
            ["resourceLogs"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attribute("service.name", ConsoleTelemetry.Name)) },
                ["scopeLogs"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = ScopeName },
                    ["logRecords"] = records,
                }),
            }),
        }.ToJsonString();
    }

    /// <summary><c>airisk.audit.</c> and the action in snake case (<c>airisk.audit.act_as</c>), as OpenTelemetry names events.</summary>
    public static string EventName(AuditAction action) =>
        "airisk.audit." + string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>
    /// OCSF's Informational, Low (a failure) and Medium (a refusal) as OpenTelemetry's INFO, INFO2 and WARN: the same
    /// steps as syslog's informational, notice and warning, which the logs data model maps alike. A checkpoint is a
    /// notice, as in syslog. An alert's High and Critical are ERROR and FATAL, as syslog's error and critical.
    /// </summary>
    public static (int Number, string Text) Severity(int ocsfSeverityId) => ocsfSeverityId switch
    {
        5 => (21, "FATAL"),
        4 => (17, "ERROR"),
        3 => (13, "WARN"),
        2 => (10, "INFO2"),
        _ => (9, "INFO"),
    };

    private static JsonObject LogRecord(AuditStreamItem item)
    {
        var (time, severity, body, eventName) = item.Record is { } record
            ? (record.AtUtc.UtcTicks, Severity(OcsfEvent.SeverityId(record)), OcsfEvent.ToJson(record), EventName(record.Action))
            : (item.Checkpoint!.AtUtcTicks, Severity(2), AuditCheckpointLine.Format(item.Checkpoint), CheckpointEventName);
        var attributes = new JsonArray(Attribute("airisk.audit.seq", item.Seq), Attribute("airisk.audit.hash", item.Hash));
        if (item.Record is { } ocsf)
            attributes.Add(Attribute("ocsf.class_uid", OcsfClass.Of(ocsf.Action).ClassUid));
        attributes.Add(Attribute("event.name", eventName));
        return new JsonObject
        {
            ["timeUnixNano"] = UnixNanoseconds(time),
            ["severityNumber"] = severity.Number,
            ["severityText"] = severity.Text,
            ["body"] = new JsonObject { ["stringValue"] = body },
            ["attributes"] = attributes,
            // The attribute is what collectors before OTLP 1.5 see; since 1.5 a log record names its event here.
            ["eventName"] = eventName,
        };
    }

    private static string UnixNanoseconds(long utcTicks) =>
        ((utcTicks - DateTime.UnixEpoch.Ticks) * 100).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Attribute(string key, string value) =>
        new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    private static JsonObject Attribute(string key, long value) =>
        new() { ["key"] = key, ["value"] = new JsonObject { ["intValue"] = value.ToString(CultureInfo.InvariantCulture) } };
}
