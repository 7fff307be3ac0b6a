using System.Globalization;
using AIRisk.Web.Audit.Checkpoints;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// The trail as RFC 5424 messages to <c>AUDIT_SYSLOG</c>: a record's MSGID is its action and its MSG the OCSF event; a
/// checkpoint's MSGID is <c>checkpoint</c> and its MSG the checkpoint's line (<see cref="AuditCheckpointLine"/>, what
/// <c>audit verify --checkpoints FILE</c> reads). Both carry <c>[airisk@32473 seq="…" hash="…"]</c>, so a receiver
/// de-duplicates by sequence.
/// </summary>
internal sealed class SyslogAuditDestination(SyslogSender sender) : IAuditStreamDestination, IAsyncDisposable
{
    public const string AppName = "airisk-console";

    private static readonly string HostName = Environment.MachineName;
    private static readonly string ProcId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public string Name => "syslog";

    public Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct) =>
        sender.SendAsync([.. items.Select(i => SyslogFrame.OctetCounted(Message(i).ToBytes()))], ct);

    public static SyslogMessage Message(AuditStreamItem item)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("seq", item.Seq.ToString(CultureInfo.InvariantCulture)),
            new("hash", item.Hash),
        };
        if (item.Record is { } record)
        {
            return new SyslogMessage
            {
                // OCSF's Informational, Low, Medium, High, Critical as syslog's informational, notice, warning, error, critical.
                Severity = 7 - OcsfEvent.SeverityId(record),
                Timestamp = record.AtUtc,
                HostName = HostName,
                AppName = AppName,
                ProcId = ProcId,
                MsgId = record.Action.ToString(),
                Parameters = parameters,
                Msg = OcsfEvent.ToJson(record),
            };
        }

        var checkpoint = item.Checkpoint!;
        return new SyslogMessage
        {
            Severity = 5,
            Timestamp = new DateTimeOffset(checkpoint.AtUtcTicks, TimeSpan.Zero),
            HostName = HostName,
            AppName = AppName,
            ProcId = ProcId,
            MsgId = "checkpoint",
            Parameters = parameters,
            Msg = AuditCheckpointLine.Format(checkpoint),
        };
    }

    public ValueTask DisposeAsync() => sender.DisposeAsync();
}
