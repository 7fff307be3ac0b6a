using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Web.Acting.AIRiskSignIn;

/// <summary>Gives every browser an HttpOnly, SameSite=Lax random cookie that browser-mode callbacks are bound to.</summary>
internal sealed class BrowserCookieMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Cookies.ContainsKey(BrowserSession.CookieName))
        {
            var value = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            context.Response.Cookies.Append(BrowserSession.CookieName, value, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
            });
            context.Items[BrowserSession.CookieName] = value;
        }

        return next(context);
    }
}
