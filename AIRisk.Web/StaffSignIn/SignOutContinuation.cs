using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// The last step of a staff sign-out: a page of this console that sends the browser on to the identity provider's
/// end-session endpoint by GET (a meta refresh, and a link), in place of the handler's redirect. That redirect would
/// follow the sign-out form's POST, and Chromium applies the page's <c>form-action 'self'</c> to it: the provider
/// never heard of the sign-out and signed the next visitor straight back in. Widening <c>form-action</c> to the
/// provider's origin instead would let any form on the console post there, and would have to follow an endpoint read
/// from discovery into every page's policy; this way the policy stays <c>'self'</c>.
/// </summary>
internal static class SignOutContinuation
{
    public const string ContinueTestId = "signout-continue";

    public static async Task WriteAsync(RedirectContext context)
    {
        var message = context.ProtocolMessage;
        // A provider without an end-session endpoint (or an odd one) is left to the handler, which reports it.
        if (!Uri.TryCreate(message.IssuerAddress, UriKind.Absolute, out var endSession) || endSession.Scheme is not ("https" or "http"))
            return;
        // As the handler does: the state says where the provider's redirect back to this console lands.
        message.State = context.Options.StateDataFormat.Protect(context.Properties);
        var url = WebUtility.HtmlEncode(message.CreateLogoutRequestUrl());
        context.HandleResponse();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}">
            <title>Signing out · AIRisk Console</title></head>
            <body>
            <h1>Signed out of AIRisk Console</h1>
            <p>Ending your sign-in at your identity provider too. If nothing happens,
            <a href="{url}" data-testid="{ContinueTestId}">continue to your identity provider</a>.</p>
            </body></html>
            """, context.HttpContext.RequestAborted);
    }
}
