using System.Globalization;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>Where <c>AUDIT_SYSLOG</c> sends the trail: <c>tcp://host:port</c> or <c>tls://host:port</c>.</summary>
public sealed record SyslogDestination(bool Tls, string Host, int Port)
{
    /// <returns>The destination, or <c>null</c> with <paramref name="problem"/> saying what is wrong with <paramref name="text"/>.</returns>
    public static SyslogDestination? Parse(string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("tcp" or "tls"))
            problem = "must be tcp://host:port or tls://host:port";
        else if (uri.IsDefaultPort || uri.Port is < 1 or > 65535)
            problem = "must name a port (tcp://host:port)";
        else if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            problem = "must be only a host and a port (no path, query or credentials)";
        if (problem is not null)
            return null;
        return new SyslogDestination(uri!.Scheme == "tls", uri.IdnHost, uri.Port);
    }

    public override string ToString() => $"{(Tls ? "tls" : "tcp")}://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}
