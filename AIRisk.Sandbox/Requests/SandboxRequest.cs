namespace AIRisk.Sandbox.Requests;

/// <summary>
/// One request the sandbox answered. <see cref="Path"/> has no query string, so codes and state never reach the log.
/// </summary>
/// <param name="UserId">The user the token acted as (API), or the <c>userid</c> asked for (authorize, token); null for generic.</param>
/// <param name="Status">The status sent, or 0 when the connection was aborted before a response.</param>
public sealed record SandboxRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    RequestKind Kind,
    TokenKind TokenKind,
    string? UserId,
    int Status)
{
    /// <summary>The <c>Cookie</c> header the client sent; a client must not carry one user's cookies to another.</summary>
    public string? Cookie { get; init; }
}
