using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// The staff cookie on every request. It is accepted only while this server knows its sign-in (not signed out, not
/// refused by the provider) and within an absolute lifetime from sign-in: the sign-in time is stamped into it once,
/// and sliding renewals (which reissue the cookie) carry it along. Its principal then carries the roles the provider
/// last confirmed for the sign-in, not the ones it was issued with: pages, the audit export, <c>/metrics</c> and
/// <c>/healthz</c> all authorize from them. A sign-in due to be asked about again is asked here first, so a cookie used
/// without an open tab (a script) is revalidated as often as a tab.
/// </summary>
internal sealed class StaffCookieEvents(StaffSignInOptions options, StaffSignIns signIns, StaffSignInCheck check, TimeProvider time)
    : CookieAuthenticationEvents
{
    private const string SignedInKey = "airisk.signed-in";

    public override Task SigningIn(CookieSigningInContext context)
    {
        context.Properties.Items.TryAdd(SignedInKey, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var now = time.GetUtcNow();
        var signedIn = context.Properties.Items.TryGetValue(SignedInKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamped)
                ? stamped
                : context.Properties.IssuedUtc;
        var id = context.Principal?.FindFirst(StaffSignIns.IdClaim)?.Value;
        // A sign-in this server no longer knows (signed out, refused, or from before a restart) signs in again at the
        // identity provider, which answers the questions a cookie alone cannot.
        if (signedIn is null || now - signedIn.Value > options.AbsoluteLifetime || signIns.Find(id) is not { } signIn
            || (check.IsDue(signIn) && await check.CheckAsync(id) is not null) || signIns.Find(id) is not { } current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (current.Roles is { } roles && context.Principal?.Identity is ClaimsIdentity identity)
            context.ReplacePrincipal(new ClaimsPrincipal(WithRoles(identity, roles)));
    }

    // The default redirect to /Account/AccessDenied would itself be denied by the fallback policy, looping.
    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        var staff = StaffMember.FromPrincipal(context.HttpContext.User);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"Access denied. You are signed in as {staff.Name}, but AIRisk Console needs the role or group '{options.RequiredRole}'. " +
            "Ask your identity provider's administrator for it and sign in again (sign out: /signout).",
            context.HttpContext.RequestAborted);
    }

    private static ClaimsIdentity WithRoles(ClaimsIdentity identity, IReadOnlySet<string> roles)
    {
        var replaced = new ClaimsIdentity(
            identity.Claims.Where(c => !StaffMember.RoleClaimTypes.Contains(c.Type)), identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        replaced.AddClaims(roles.Select(role => new Claim(identity.RoleClaimType, role)));
        return replaced;
    }
}
