using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// An absolute lifetime for the staff cookie: the sign-in time is stamped into it once, and sliding renewals (which
/// reissue the cookie) carry it along, so an active sign-in still ends that long after it began. A cookie whose
/// sign-in <see cref="StaffSignIns"/> has forgotten is refused too.
/// </summary>
internal static class StaffCookieLifetime
{
    private const string SignedInKey = "airisk.signed-in";

    public static Task StampAsync(CookieSigningInContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items.TryAdd(SignedInKey, now.ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public static async Task EnforceAsync(CookieValidatePrincipalContext context, TimeSpan absoluteLifetime)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedIn = context.Properties.Items.TryGetValue(SignedInKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamped)
                ? stamped
                : context.Properties.IssuedUtc;
        // A sign-in this server no longer knows (signed out, refused at revalidation, or from before a restart) signs
        // in again at the identity provider, which answers the questions a cookie alone cannot.
        var known = context.HttpContext.RequestServices.GetRequiredService<StaffSignIns>()
            .Find(context.Principal?.FindFirst(StaffSignIns.IdClaim)?.Value) is not null;
        if (signedIn is null || now - signedIn.Value > absoluteLifetime || !known)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
