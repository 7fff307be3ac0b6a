using System.Globalization;
using System.Text.Json;

namespace AIRisk.Core.Auth;

/// <summary>
/// Reads <c>{"access_token", "expiration"}</c>, tolerating <c>expires_in</c> and <c>token_type</c> if a tenant adds them.
/// </summary>
internal static class TokenResponseReader
{
    public static async Task<AccessToken> ReadAsync(HttpContent content, string? userId, DateTimeOffset now, TimeSpan assumedLifetime, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(ct);
            document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        }
        catch (JsonException e)
        {
            throw new AIRiskAuthException("Token exchange failed: AIRisk's answer was not JSON.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryGetString(root, "access_token", out var value) || string.IsNullOrWhiteSpace(value))
                throw new AIRiskAuthException("Token exchange failed: AIRisk's answer had no access_token.");

            return new AccessToken(value, userId, ReadExpiry(root, now, assumedLifetime)) { IssuedAt = now };
        }
    }

    private static DateTimeOffset ReadExpiry(JsonElement root, DateTimeOffset now, TimeSpan assumedLifetime)
    {
        if (TryGetString(root, "expiration", out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration))
            return expiration;

        if (root.TryGetProperty("expires_in", out var expiresIn))
        {
            if (expiresIn.ValueKind == JsonValueKind.Number && expiresIn.TryGetDouble(out var seconds))
                return now.AddSeconds(seconds);
            if (expiresIn.ValueKind == JsonValueKind.String && double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
                return now.AddSeconds(seconds);
        }

        return now + assumedLifetime;
    }

    private static bool TryGetString(JsonElement root, string name, out string value)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(name) || string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    value = property.Value.GetString()!;
                    return true;
                }
            }
        }

        value = "";
        return false;
    }
}
