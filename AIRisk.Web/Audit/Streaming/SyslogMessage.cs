using System.Globalization;
using System.Text;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// One RFC 5424 message: <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD-ID param="value" ...] BOM MSG</c>.
/// Header fields are cut to the RFC's lengths and reduced to printable US-ASCII (a space would shift every field after
/// it); SD-PARAM values escape <c>"</c>, <c>\</c> and <c>]</c>; MSG is UTF-8 and starts with the BOM, as RFC 5424 asks
/// of a UTF-8 MSG.
/// </summary>
public sealed record SyslogMessage
{
    /// <summary>RFC 5424's facility 13, "log audit".</summary>
    public const int AuditFacility = 13;

    /// <summary>The SD-ID of the trail's own parameters; 32473 is the private enterprise number RFC 5612 reserves for documentation.</summary>
    public const string SdId = "airisk@32473";

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>RFC 5424 severity: 6 informational, 5 notice, 4 warning.</summary>
    public required int Severity { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string HostName { get; init; }

    public required string AppName { get; init; }

    public required string ProcId { get; init; }

    public required string MsgId { get; init; }

    /// <summary>The parameters of <see cref="SdId"/>, in order; names are fixed ASCII words.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Parameters { get; init; }

    public required string Msg { get; init; }

    public byte[] ToBytes()
    {
        var header = new StringBuilder()
            .Append('<').Append((AuditFacility * 8 + Severity).ToString(CultureInfo.InvariantCulture)).Append(">1 ")
            .Append(Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)).Append(' ')
            .Append(Field(HostName, 255)).Append(' ')
            .Append(Field(AppName, 48)).Append(' ')
            .Append(Field(ProcId, 128)).Append(' ')
            .Append(Field(MsgId, 32)).Append(' ')
            .Append('[').Append(SdId);
        foreach (var (name, value) in Parameters)
            header.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        header.Append("] ");
        return [.. Encoding.UTF8.GetBytes(header.ToString()), .. Bom, .. Encoding.UTF8.GetBytes(Msg)];
    }

    /// <summary>A header field: printable US-ASCII (33–126) only, at most <paramref name="max"/> characters, <c>-</c> when empty.</summary>
    public static string Field(string? value, int max)
    {
        var printable = new string([.. (value ?? "").Where(c => c is >= '!' and <= '~')]);
        return printable.Length == 0 ? "-" : printable[..Math.Min(printable.Length, max)];
    }

    /// <summary>An SD-PARAM value as RFC 5424 section 6.3.3 requires: <c>"</c>, <c>\</c> and <c>]</c> preceded by <c>\</c>.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '"' or '\\' or ']')
                escaped.Append('\\');
            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
