namespace AIRisk.Web.Audit.Streaming;

/// <summary>How far one stream is behind: records not yet delivered, and the age of the oldest of them.</summary>
public sealed record AuditStreamLag(string Stream, long Behind, TimeSpan OldestUndelivered, string? LastError)
{
    public static AuditStreamLag None(string stream) => new(stream, 0, TimeSpan.Zero, null);
}
