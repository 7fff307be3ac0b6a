using System.Security.Claims;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HostFiltering;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Staff sign-in through OpenID Connect (authorization code + PKCE) into an HttpOnly cookie, and a fallback policy
/// that admits only staff with <see cref="StaffSignInOptions.RequiredRole"/> to every endpoint but <c>/healthz</c>.
/// </summary>
public static class StaffSignInServiceCollectionExtensions
{
    private static IReadOnlyList<string> RoleClaimTypes => StaffMember.RoleClaimTypes;

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var signIn = services.AddFlatOptions<StaffSignInOptions, StaffSignInOptionsValidator>(o => StaffSignInOptionsBinder.Bind(configuration, isDevelopment, o));
        // Also a plain service: the pipeline is built from it before StartupGuard reads the validated options.
        services.AddSingleton(signIn);
        if (!signIn.IsConfigured)
        {
            // The local operator's console answers only to loopback names: a page on another site that resolves its
            // own name to 127.0.0.1 (DNS rebinding) gets 400, not the console.
            services.PostConfigure<HostFilteringOptions>(o =>
            {
                o.AllowedHosts = ["localhost", "127.0.0.1", "[::1]"];
                o.AllowEmptyHosts = false;
            });
            return services;
        }

        services.PostConfigure<HostFilteringOptions>(o => PublicHostFilter.Apply(o, signIn));
        services.AddSingleton<StaffCookieEvents>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "airisk.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = signIn.RequireSecureCookie ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // Sliding renewal keeps an active sign-in alive, but never past an absolute lifetime from sign-in; the
                // roles are the ones revalidation last confirmed, and access denied is a page of its own.
                o.EventsType = typeof(StaffCookieEvents);
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = signIn.Authority;
                o.ClientId = signIn.ClientId;
                o.ClientSecret = signIn.ClientSecret;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.RequireHttpsMetadata = !new Uri(signIn.Authority!).IsLoopback;
                o.Scope.Add("profile");
                // The staff member's email is what a ticket's assignee is matched by.
                o.Scope.Add("email");
                o.Scope.Add("roles");
                // Some providers send roles or groups only from userinfo, whose keys the handler drops unless mapped.
                foreach (var type in RoleClaimTypes.Where(t => t != ClaimTypes.Role))
                    o.ClaimActions.MapJsonKey(type, type);
                // Each sign-in gets an id in the cookie; its access token stays on the server, for revalidation.
                // A refresh token renews the access token revalidation asks with; asked for only where the provider
                // offers it (a provider that does not may refuse the unknown scope).
                o.Events.OnRedirectToIdentityProvider = async context =>
                {
                    var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
                    if (configuration.ScopesSupported.Contains("offline_access"))
                        context.ProtocolMessage.Scope += " offline_access";
                };
                o.Events.OnTokenValidated = context =>
                {
                    if (context.Principal?.Identity is ClaimsIdentity identity)
                    {
                        var id = Guid.NewGuid().ToString("N");
                        identity.AddClaim(new Claim(StaffSignIns.IdClaim, id));
                        // A provider that sends no access token still gets its sign-ins known (else every request
                        // would send staff back to it); only the role check at revalidation is then not possible.
                        var services = context.HttpContext.RequestServices;
                        var answer = context.TokenEndpointResponse;
                        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                        services.GetRequiredService<StaffSignIns>().Remember(id, new StaffSignInGrant(answer?.AccessToken ?? "", answer?.RefreshToken,
                            StaffIdentityProvider.ExpiresAt(answer?.ExpiresIn, now), EndsAt: now + signIn.AbsoluteLifetime, ConfirmedAt: now)
                        {
                            Subject = identity.FindFirst("sub")?.Value ?? throw new InvalidOperationException("The identity provider's id token has no sub."),
                        });
                    }

                    return Task.CompletedTask;
                };
                // A page that goes on to the provider by GET: a redirect after the sign-out form's POST is blocked by the CSP.
                o.Events.OnRedirectToIdentityProviderForSignOut = SignOutContinuation.WriteAsync;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
            });

        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HoldsRole(context.User, signIn.RequiredRole))
            .Build());
        return services;
    }

    /// <summary>Whether <paramref name="user"/> is staff who may use the console (holds <paramref name="role"/>).</summary>
    public static bool HoldsRole(System.Security.Claims.ClaimsPrincipal user, string? role) =>
        user.Identity?.IsAuthenticated == true
        && user.Claims.Any(c => RoleClaimTypes.Contains(c.Type) && string.Equals(c.Value, role, StringComparison.OrdinalIgnoreCase));

}
