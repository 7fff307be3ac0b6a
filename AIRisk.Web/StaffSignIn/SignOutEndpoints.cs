using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// Staff sign-out: <c>GET /signout</c> shows a one-button form, <c>POST /signout</c> (with its antiforgery token)
/// signs out here and at the identity provider. Both need only a sign-in, not the console's role: someone refused for
/// lack of the role must still be able to sign out and in as someone else. A link cannot sign anybody out (POST).
/// </summary>
internal static class SignOutEndpoints
{
    public static void MapStaffSignOut(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signout", Page).RequireAuthorization(p => p.RequireAuthenticatedUser());
        app.MapPost("/signout", SignOutAsync).RequireAuthorization(p => p.RequireAuthenticatedUser()).DisableAntiforgery();
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var name = WebUtility.HtmlEncode(context.User.FindFirst("name")?.Value ?? context.User.Identity?.Name ?? "staff member");
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign out · AIRisk Console</title></head>
            <body>
            <h1>Sign out of AIRisk Console</h1>
            <p>You are signed in as {name}.</p>
            <form method="post" action="/signout">
            <input type="hidden" name="{WebUtility.HtmlEncode(tokens.FormFieldName)}" value="{WebUtility.HtmlEncode(tokens.RequestToken)}">
            <button type="submit">Sign out</button>
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    // Validated here rather than by the middleware: this endpoint binds no form, so nothing would ask for it.
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Results.Text("Sign-out refused: the form's antiforgery token is missing or wrong. Open /signout and use its button.", statusCode: StatusCodes.Status400BadRequest);
        // Every tab of this sign-in stops acting at its next revalidation.
        context.RequestServices.GetRequiredService<StaffSignIns>().Forget(context.User.FindFirst(StaffSignIns.IdClaim)?.Value);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
    }
}
