namespace AIRisk.Core.Api;

/// <summary>
/// AIRisk refused or failed a call. <see cref="Exception.Message"/> is written for the person at the screen and
/// never contains a token, code, secret or state.
/// </summary>
public class AIRiskApiException : Exception
{
    public AIRiskApiException() : this("AIRisk call failed.") { }

    public AIRiskApiException(string message) : this(message, null, null, null) { }

    public AIRiskApiException(string message, Exception? innerException) : this(message, null, null, null, innerException) { }

    public AIRiskApiException(string message, int? statusCode, string? serverMessage, string? traceId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        TraceId = traceId;
    }

    /// <summary>The HTTP status AIRisk answered with; <c>null</c> when there was no answer (timeout, unreachable).</summary>
    public int? StatusCode { get; }

    /// <summary>What AIRisk said: a text/plain body or a problem+json <c>title</c>.</summary>
    public string? ServerMessage { get; }

    /// <summary>The problem+json <c>traceId</c>, for AIRisk's support.</summary>
    public string? TraceId { get; }
}
