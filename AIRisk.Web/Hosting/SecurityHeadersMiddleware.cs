namespace AIRisk.Web.Hosting;

/// <summary>
/// Security headers on every response. The CSP fits Blazor Server and MudBlazor: scripts only from this origin,
/// inline styles allowed (MudBlazor's theme and components use them), the circuit's WebSocket to this origin, and
/// no framing. <c>no-referrer</c> matters because OAuth2 codes travel in URLs.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin-allow-popups";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
