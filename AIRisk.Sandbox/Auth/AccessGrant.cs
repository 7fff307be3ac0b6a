using AIRisk.Sandbox.Requests;

namespace AIRisk.Sandbox.Auth;

/// <summary>What an access token stands for: the application (generic) or one user.</summary>
internal sealed record AccessGrant(string ClientId, Guid? UserId, DateTimeOffset ExpiresAt) : IExpiringGrant
{
    public TokenKind Kind => UserId is null ? TokenKind.Generic : TokenKind.User;
}
