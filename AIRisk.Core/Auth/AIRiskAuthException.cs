using AIRisk.Core.Api;

namespace AIRisk.Core.Auth;

/// <summary>The OAuth2 flow failed: at the authorize step, the token step, or because <c>state</c> did not match.</summary>
public sealed class AIRiskAuthException : AIRiskApiException
{
    public AIRiskAuthException() { }

    public AIRiskAuthException(string message) : base(message) { }

    public AIRiskAuthException(string message, Exception? innerException) : base(message, innerException) { }

    public AIRiskAuthException(string message, int? statusCode, string? serverMessage, string? traceId, Exception? innerException = null)
        : base(message, statusCode, serverMessage, traceId, innerException) { }

    /// <summary>
    /// AIRisk refused this console's own credentials (<c>CLIENT_ID</c>, <c>CLIENT_SECRET</c>): no flow can succeed
    /// until the configuration is fixed. The message already names the keys to check.
    /// </summary>
    public bool CredentialsRefused { get; init; }
}
