using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// <c>X-AIRisk-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>, the scheme Stripe's
/// webhooks made familiar: the time inside the signed text lets a receiver refuse an old request replayed, and the
/// version tag lets the scheme change without breaking receivers that check <c>v1</c>.
/// </summary>
public static class AlertWebhookSignature
{
    public const string HeaderName = "X-AIRisk-Signature";

    /// <summary>The header's value for <paramref name="body"/> (the exact bytes sent) at <paramref name="at"/>.</summary>
    public static string Header(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Sign(secret, t, body)}";
    }

    /// <summary>Lower-case hex of HMAC-SHA256 over <c>"&lt;t&gt;.&lt;body&gt;"</c>, keyed with the secret's UTF-8 bytes.</summary>
    public static string Sign(string secret, string t, ReadOnlySpan<byte> body)
    {
        byte[] signed = [.. Encoding.ASCII.GetBytes(t + "."), .. body];
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: recompute <c>v1</c> from the header's <c>t</c> and compare in constant time.</summary>
    public static bool Verify(string secret, string header, ReadOnlySpan<byte> body)
    {
        string? t = null, v1 = null;
        foreach (var part in header.Split(','))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
                t = part[2..];
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
                v1 = part[3..];
        }

        if (t is null || v1 is null)
            return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, t, body)), Encoding.ASCII.GetBytes(v1.ToLowerInvariant()));
    }
}
