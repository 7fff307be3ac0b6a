using System.Globalization;
using System.Text;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// RFC 6587 octet-counting framing: <c>MSG-LEN SP SYSLOG-MSG</c>, the length in bytes. Unlike a trailing newline it
/// survives a message that holds one, and the receiver never has to guess where a message ends.
/// </summary>
public static class SyslogFrame
{
    public static byte[] OctetCounted(byte[] message) =>
        [.. Encoding.ASCII.GetBytes(message.Length.ToString(CultureInfo.InvariantCulture) + " "), .. message];
}
