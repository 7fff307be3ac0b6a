namespace AIRisk.TestSupport;

/// <summary>
/// One log record as <see cref="OtlpTestReceiver"/> read it, with its resource's <c>service.name</c> and its scope.
/// Attribute values are <see cref="string"/>, <see cref="long"/>, <see cref="bool"/> or <see cref="double"/>.
/// </summary>
public sealed record ReceivedOtlpLogRecord(
    string? ServiceName, string? ScopeName, long TimeUnixNano, int SeverityNumber, string? SeverityText, string Body,
    IReadOnlyDictionary<string, object> Attributes, string? EventName)
{
    /// <summary><c>airisk.audit.seq</c>, or 0 when the record has none.</summary>
    public long Seq => Attributes.TryGetValue("airisk.audit.seq", out var seq) && seq is long n ? n : 0;

    /// <summary><c>airisk.audit.hash</c>, or null.</summary>
    public string? Hash => Attributes.TryGetValue("airisk.audit.hash", out var hash) ? hash as string : null;

    public DateTimeOffset Time => DateTimeOffset.UnixEpoch.AddTicks(TimeUnixNano / 100);
}
