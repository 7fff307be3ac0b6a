using System.Text.RegularExpressions;

namespace AIRisk.TestSupport;

/// <summary>One message as rsyslog parsed it (<see cref="RsyslogReceiver"/>): its header fields, STRUCTURED-DATA and MSG.</summary>
public sealed partial record ReceivedSyslogMessage(string Timestamp, string HostName, string AppName, string ProcId, string MsgId, string StructuredData, string Msg)
{
    public static ReceivedSyslogMessage Parse(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 7)
            throw new FormatException($"Not a line of rsyslog's fields template: {line}");
        // RFC 5424's BOM before a UTF-8 MSG is kept by rsyslog; a SIEM's JSON parser skips it as this does.
        return new(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6].TrimStart('\uFEFF'));
    }

    /// <summary>The value of <paramref name="name"/> in STRUCTURED-DATA (unescaped), or null.</summary>
    public string? Parameter(string name)
    {
        var match = Regex.Match(StructuredData, $@"\b{Regex.Escape(name)}=""((?:[^""\\]|\\.)*)""");
        return match.Success ? Unescape().Replace(match.Groups[1].Value, "$1") : null;
    }

    [GeneratedRegex(@"\\([""\\\]])")]
    private static partial Regex Unescape();
}
