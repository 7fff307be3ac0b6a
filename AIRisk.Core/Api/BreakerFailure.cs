using System.Net;
using Polly;
using Polly.Timeout;

namespace AIRisk.Core.Api;

/// <summary>What the circuit breaker counts as AIRisk failing: not a refusal addressed to one user.</summary>
public static class BreakerFailure
{
    public static bool Counts(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
