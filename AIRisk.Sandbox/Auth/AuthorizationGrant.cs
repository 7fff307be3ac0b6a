namespace AIRisk.Sandbox.Auth;

/// <summary>What an authorization code was issued for; the token exchange must match it.</summary>
internal sealed record AuthorizationGrant(string ClientId, string RedirectUri, Guid? UserId, DateTimeOffset ExpiresAt) : IExpiringGrant;
