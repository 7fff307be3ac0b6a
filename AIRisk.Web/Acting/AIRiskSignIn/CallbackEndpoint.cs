using AIRisk.Core.Auth;

namespace AIRisk.Web.Acting.AIRiskSignIn;

/// <summary>
/// <c>GET /callback?code=&amp;state=</c>: where AIRisk sends the browser in browser mode. A missing, unknown, expired,
/// replayed or foreign <c>state</c> gets 400 and its code is never exchanged. The page it returns closes the pop-up.
/// </summary>
internal static class CallbackEndpoint
{
    public static IResult Handle(HttpContext context, AuthorizationStateStore states)
    {
        var query = context.Request.Query;
        var owner = context.Request.Cookies.TryGetValue(BrowserSession.CookieName, out var cookie) ? BrowserSession.OwnerOf(cookie) : null;
        var check = states.Complete(query["state"], query["code"], query["error_description"].FirstOrDefault() ?? query["error"].FirstOrDefault(), owner);

        return check == StateCheck.Accepted
            ? Page(StatusCodes.Status200OK, "Signed in", "You can close this window; the dashboard continues.")
            : Page(StatusCodes.Status400BadRequest, "Sign-in refused", "This sign-in link is unknown, expired or already used. Start again from the dashboard.");
    }

    private static IResult Page(int status, string title, string text) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{title} · AIRisk Console</title></head>
        <body style="font-family:sans-serif;padding:2rem"><h1>{title}</h1><p>{text}</p>
        <script src="/close-signin.js"></script></body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
