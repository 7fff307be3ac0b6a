using System.Text.Json.Serialization;

namespace AIRisk.Sandbox.Endpoints.Contracts;

/// <summary>Exactly the two fields the spec names: no token_type, expires_in or refresh_token.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expiration")] string Expiration);
