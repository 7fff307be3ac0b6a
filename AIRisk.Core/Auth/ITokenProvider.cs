namespace AIRisk.Core.Auth;

/// <summary>Tokens shared by every circuit: one flow per user at a time, reused until shortly before expiry.</summary>
public interface ITokenProvider
{
    /// <summary>A valid token for <paramref name="userId"/> (<c>null</c>: generic), running <paramref name="flow"/> only on a miss.</summary>
    ValueTask<AccessToken> GetAsync(string? userId, IAuthorizationFlow flow, CancellationToken ct);

    /// <summary>Forgets a token AIRisk refused (a 401), so the next <see cref="GetAsync"/> runs the flow again.</summary>
    ValueTask InvalidateAsync(AccessToken token, CancellationToken ct);
}
