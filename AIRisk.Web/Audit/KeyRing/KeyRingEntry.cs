using System.Globalization;
using System.Xml.Linq;

namespace AIRisk.Web.Audit.KeyRing;

/// <summary>
/// One element of the key ring as stored: its content (a <c>key</c> or a <c>revocation</c>, unwrapped from its
/// signature when it has one), the thumbprint it claims to be signed with, and why it is refused (<c>null</c>: used).
/// </summary>
public sealed record KeyRingEntry(XElement Content, string? SignedBy, string? Refusal)
{
    public bool IsKey => Content.Name.LocalName == "key";

    /// <summary>The key's id, or the revoked key's, for logs; never secret.</summary>
    public string Id =>
        (string?)(IsKey ? Content : Content.Element("key"))?.Attribute("id")
        ?? (Content.Name.LocalName == "revocation" ? "every key before a date" : "unknown");

    /// <summary>When the key stops protecting new data; <c>null</c> for a revocation or a date that cannot be read.</summary>
    public DateTimeOffset? Expires =>
        IsKey && DateTimeOffset.TryParse((string?)Content.Element("expirationDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    public KeyRingEntry RefusedBecause(string refusal) => this with { Refusal = refusal };
}
