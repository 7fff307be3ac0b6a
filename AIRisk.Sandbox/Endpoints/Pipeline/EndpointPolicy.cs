using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;

namespace AIRisk.Sandbox.Endpoints.Pipeline;

/// <summary>How the gate treats an endpoint: what kind of request it is and which token it needs.</summary>
/// <param name="IsServed">When false, the endpoint answers 404 as if it didn't exist (switchable list-users paths).</param>
/// <param name="Streams">The endpoint honours <see cref="FaultKind.BreakStream"/> itself.</param>
internal sealed record EndpointPolicy(RequestKind Kind, TokenKind? RequiredToken = null, Func<bool>? IsServed = null, bool Streams = false)
{
    public static readonly EndpointPolicy Authorize = new(RequestKind.Authorize);
    public static readonly EndpointPolicy Token = new(RequestKind.Token);
    public static readonly EndpointPolicy Control = new(RequestKind.Control);
    public static readonly EndpointPolicy Chat = new(RequestKind.Api, TokenKind.User);

    /// <summary>The ticket APIs check their own basic authentication; latency and faults apply as to AIRisk's.</summary>
    public static readonly EndpointPolicy Tickets = new(RequestKind.Tickets);
}
