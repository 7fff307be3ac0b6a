using System.Net;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// The staff member's browser as the circuit's first request saw it: its address and the name it gave itself. Read in
/// <c>App.razor</c> from that request (the only one whose HttpContext a Blazor Server circuit can trust) and kept for the
/// circuit, so each acting session's start and resume can record where it came from.
/// </summary>
public sealed class StaffClient
{
    /// <summary>Longer user agents are cut: the header is the browser's to choose, the audit column is ours.</summary>
    public const int MaxUserAgentChars = 512;

    /// <summary>The client address (the proxy's forwarded one when <c>FORWARDED_PROXIES</c> trusts it); <c>null</c> when unknown.</summary>
    public string? IpAddress { get; private set; }

    /// <summary>The <c>User-Agent</c> header, without control or direction characters and at most <see cref="MaxUserAgentChars"/>.</summary>
    public string? UserAgent { get; private set; }

    public void Remember(string? ipAddress, string? userAgent)
    {
        IpAddress = IPAddress.TryParse(ipAddress, out var address) ? Normalized(address).ToString() : null;
        UserAgent = Printable(userAgent);
    }

    /// <summary>An IPv4 client on a dual-stack socket reads as <c>::ffff:a.b.c.d</c>; the trail names it as IPv4.</summary>
    public static IPAddress Normalized(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static string? Printable(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        // A forged line in an export or log, or a reversed name on the audit page, starts with such characters.
        var printable = string.Concat(text.Where(c => !char.IsControl(c) && !IsDirectionControl(c))).Trim();
        return printable.Length > MaxUserAgentChars ? printable[..MaxUserAgentChars] : printable;
    }

    // Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the implicit marks.
    private static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F';
}
