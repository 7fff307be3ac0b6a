using System.Net;

namespace AIRisk.Web.Hosting;

/// <summary>
/// Without staff sign-in, every request must come from a browser on this machine: its peer is loopback and no proxy
/// relayed it. The start-up checks keep the console off other interfaces, but a proxy on this machine (or an SSH or
/// container port forward into it) makes any client's request arrive from loopback, and the <c>Host</c> filter only
/// checks a header the client chose. Registered only without sign-in, first in the pipeline, so nothing has run
/// (or rewritten the connection's address from forwarded headers) before it. Fails closed: no address, no answer.
/// </summary>
internal sealed partial class LocalOnlyMiddleware(RequestDelegate next, ILogger<LocalOnlyMiddleware> logger)
{
    /// <summary>
    /// Headers a browser never sends and a reverse proxy adds: <c>X-Forwarded-For</c> and <c>Forwarded</c> name the
    /// client it relayed; <c>X-Forwarded-Host</c> and <c>X-Forwarded-Proto</c> (some proxies send only these),
    /// <c>X-Real-IP</c> (nginx's usual one) and <c>Via</c> each show a proxy in the path just as surely. Whoever a proxy
    /// relays is not the one person at this machine that a console without sign-in trusts.
    /// </summary>
    public static IReadOnlyList<string> ProxyHeaders { get; } =
        ["X-Forwarded-For", "Forwarded", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "Via"];

    public Task InvokeAsync(HttpContext context)
    {
        if (Refusal(context) is not { } refusal)
            return next(context);
        LogRefused(context.Connection.RemoteIpAddress?.ToString() ?? "none", refusal);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"AIRisk Console without staff sign-in answers only to a browser on this machine, and this request {refusal}. " +
            "To serve the console to others, configure staff sign-in (OPERATOR_OIDC_*; see README, Security).",
            context.RequestAborted);
    }

    /// <returns><c>null</c> when the request comes straight from this machine, else why not (no header values).</returns>
    public static string? Refusal(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } peer)
            return "has no client address";
        if (!IPAddress.IsLoopback(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer))
            return "came from another machine";
        return ProxyHeaders.FirstOrDefault(context.Request.Headers.ContainsKey) is { } header
            ? $"came through a proxy ({header})"
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request without staff sign-in from {Peer}: it {Refusal}")]
    private partial void LogRefused(string peer, string refusal);
}
