using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;

namespace AIRisk.Sandbox;

/// <summary>Ids and expiry times only: never a token, code, secret or state value.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Issued an authorization code for user {UserId}, expiring at {ExpiresAt}")]
    public static partial void CodeIssued(this ILogger logger, string? userId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Issued a {TokenKind} token for user {UserId}, expiring at {ExpiresAt}")]
    public static partial void TokenIssued(this ILogger logger, TokenKind tokenKind, string? userId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Token exchange refused: {Reason}")]
    public static partial void TokenRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "A {TokenKind} token may not call {Path}")]
    public static partial void WrongTokenKind(this ILogger logger, TokenKind tokenKind, string? path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Injecting a {FaultKind} fault ({Status}) into {Method} {Path}")]
    public static partial void FaultInjected(this ILogger logger, FaultKind faultKind, int status, string method, string? path);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Breaking the AskAgent stream after {Pieces} pieces")]
    public static partial void StreamBroken(this ILogger logger, int pieces);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Control: {Count} {FaultKind} fault(s) with status {Status} queued for {PathPrefix}")]
    public static partial void FaultQueued(this ILogger logger, int count, FaultKind faultKind, int status, string pathPrefix);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Control: latency {Latency} ± {Jitter}")]
    public static partial void LatencyChanged(this ILogger logger, TimeSpan latency, TimeSpan jitter);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Control: new tokens live {TokenLifetime}")]
    public static partial void TokenLifetimeChanged(this ILogger logger, TimeSpan tokenLifetime);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Control: all tokens revoked")]
    public static partial void TokensRevoked(this ILogger logger);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Control: AskAgent streams as {StreamFormat}")]
    public static partial void StreamFormatChanged(this ILogger logger, StreamFormat streamFormat);
}
