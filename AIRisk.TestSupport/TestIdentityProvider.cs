using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AIRisk.TestSupport;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a free loopback port in the test process: discovery, authorization
/// (code + PKCE), token, userinfo and end-session endpoints, ephemeral keys. It knows one confidential client and
/// signs in <see cref="User"/> at once, with no login page. It runs in OpenIddict's degraded mode (no application or
/// token store), so the validation handlers below do the client checks a store would: client id, redirect URIs and
/// client secret.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string AuthorizationPath = "connect/authorize";

    public const string LoginPageTestId = "idp-login";

    public const string LoginButtonTestId = "idp-sign-in";

    private const string LoginPath = "connect/login";

    private const string SessionCookie = "test-idp.session";

    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    private readonly TestOidcClient _client;
    private WebApplication? _app;
    private readonly TimeSpan? _accessTokenLifetime;
    private volatile TestIdentityUser _user = new("staff-1", "Sam Support", ["airisk-console"]);
    private int _refreshes;
    private int _revokedRefused;

    private TestIdentityProvider(TestOidcClient client, TimeSpan? accessTokenLifetime)
    {
        _client = client;
        _accessTokenLifetime = accessTokenLifetime;
    }

    /// <summary>The issuer, ending in <c>/</c>, e.g. <c>http://127.0.0.1:41234/</c>: what OPERATOR_OIDC_AUTHORITY names.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public Uri AuthorizationEndpoint => new(BaseAddress, AuthorizationPath);

    /// <summary>Who the next authorization request signs in.</summary>
    public TestIdentityUser User
    {
        get => _user;
        set => _user = value;
    }

    /// <summary>Refresh-token grants answered so far (refused ones not counted).</summary>
    public int Refreshes => Volatile.Read(ref _refreshes);

    /// <summary>Refresh-token grants are refused (<c>invalid_grant</c>), as for a revoked or expired refresh token.</summary>
    public bool RefuseRefresh { get; set; }

    /// <summary>Userinfo answers 503, as a provider that is down or overloaded does.</summary>
    public bool UserInfoFailing { get; set; }

    /// <summary>Access tokens issued before this are refused at userinfo (revoked early); refresh tokens still work.</summary>
    public DateTimeOffset? RevokeAccessTokensIssuedBefore { get; set; }

    /// <summary>Userinfo requests refused for a revoked access token so far.</summary>
    public int RevokedTokensRefused => Volatile.Read(ref _revokedRefused);

    /// <summary>
    /// The provider remembers a signed-in browser, as a real one does: the authorize endpoint sends it to a login page
    /// (<see cref="LoginPageTestId"/>, its button <see cref="LoginButtonTestId"/>) until the browser holds this
    /// provider's session cookie, which the button sets and the end-session endpoint clears. Off: everyone is signed
    /// in at once.
    /// </summary>
    public bool RequireLogin { get; set; }

    /// <summary>Userinfo lists no role at all, as Entra ID's never does (roles only in the id token).</summary>
    public bool UserInfoWithoutRoles { get; set; }

    /// <summary>Userinfo answers with this subject instead of the access token's (the provider mixed two people up).</summary>
    public string? UserInfoSubject { get; set; }

    /// <param name="accessTokenLifetime">How long access tokens last (OpenIddict's default, an hour, when <c>null</c>).</param>
    public static async Task<TestIdentityProvider> StartAsync(TestOidcClient client, TimeSpan? accessTokenLifetime = null, CancellationToken ct = default)
    {
        var provider = new TestIdentityProvider(client, accessTokenLifetime);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(provider.Configure);

        var app = builder.Build();
        try
        {
            app.UseAuthentication();
            app.MapMethods("/" + AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], provider.AuthorizeAsync);
            app.MapPost("/connect/token", provider.ExchangeAsync);
            app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], provider.UserInfoAsync);
            app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], EndSessionAsync);
            app.MapGet("/" + LoginPath, LoginPageAsync);
            app.MapPost("/" + LoginPath, LogInAsync);
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        provider.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        provider._app = app;
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private void Configure(OpenIddictServerBuilder server)
    {
        server.SetAuthorizationEndpointUris(AuthorizationPath)
            .SetTokenEndpointUris("connect/token")
            .SetUserInfoEndpointUris("connect/userinfo")
            .SetEndSessionEndpointUris("connect/endsession");
        server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange().AllowRefreshTokenFlow();
        server.RegisterScopes(Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess);
        if (_accessTokenLifetime is { } lifetime)
            server.SetAccessTokenLifetime(lifetime);
        server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
        server.EnableDegradedMode();
        server.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough()
            .DisableTransportSecurityRequirement();

        server.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!string.Equals(context.ClientId, _client.ClientId, StringComparison.Ordinal))
                context.Reject(Errors.InvalidClient, "The client_id is not registered.");
            else if (!string.Equals(context.RedirectUri, _client.RedirectUri.AbsoluteUri, StringComparison.Ordinal))
                context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
            return default;
        }));
        server.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (!string.Equals(context.ClientId, _client.ClientId, StringComparison.Ordinal)
                || !string.Equals(context.ClientSecret, _client.ClientSecret, StringComparison.Ordinal))
                context.Reject(Errors.InvalidClient, "The client credentials are invalid.");
            return default;
        }));
        server.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
        {
            if (context.PostLogoutRedirectUri is { } uri && !string.Equals(uri, _client.PostLogoutRedirectUri.AbsoluteUri, StringComparison.Ordinal))
                context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered for this client.");
            return default;
        }));
    }

    // No login page (unless RequireLogin): whoever the test configured is signed in immediately.
    private Task AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (RequireLogin && !http.Request.Cookies.ContainsKey(SessionCookie))
        {
            // To a login page of its own, as real providers do: the authorization request resumes from there.
            http.Response.Redirect($"/{LoginPath}?resume={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            return Task.CompletedTask;
        }

        var user = User;
        var identity = new ClaimsIdentity("TestIdentityProvider", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. user.Roles]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => DestinationsOf(claim, user.RolesInIdentityToken));
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    private async Task ExchangeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            throw new InvalidOperationException($"Grant type {request.GrantType} is not enabled.");
        var grant = await http.AuthenticateAsync(Scheme);
        var principal = grant.Principal ?? throw new InvalidOperationException("The grant carried no principal.");
        if (request.IsRefreshTokenGrantType())
        {
            var user = User;
            // As the directory has them now (Entra ID's refreshed id token carries the roles held at refresh).
            if (user.Subject == principal.GetClaim(Claims.Subject))
                principal.SetClaims(Claims.Role, [.. user.Roles]).SetDestinations(claim => DestinationsOf(claim, user.RolesInIdentityToken));
            if (RefuseRefresh || (user.Subject == principal.GetClaim(Claims.Subject) && user.Disabled))
            {
                await http.ForbidAsync(Scheme, new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                }));
                return;
            }

            Interlocked.Increment(ref _refreshes);
        }

        await http.SignInAsync(Scheme, principal);
    }

    // Answers for the access token's subject as the provider's directory has them now (a role withdrawn since the
    // sign-in is gone, a disabled account refused), as a real provider's userinfo endpoint does.
    private async Task UserInfoAsync(HttpContext http)
    {
        if (UserInfoFailing)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var token = await http.AuthenticateAsync(Scheme);
        if (token.Principal is null)
        {
            // Expired or forged: refused, as a real provider refuses it.
            await http.ChallengeAsync(Scheme);
            return;
        }

        var principal = token.Principal;
        if (RevokeAccessTokensIssuedBefore is { } revoked && principal.GetCreationDate() is { } issued && issued < revoked)
        {
            Interlocked.Increment(ref _revokedRefused);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var subject = principal.GetClaim(Claims.Subject);
        var user = User;
        if (user.Subject == subject && user.Disabled)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        IReadOnlyList<string> roles = user.Subject == subject ? user.Roles : [.. principal.GetClaims(Claims.Role)];

        var answer = new Dictionary<string, object?>
        {
            [Claims.Subject] = UserInfoSubject ?? subject,
            [Claims.Name] = principal.GetClaim(Claims.Name),
            [Claims.Email] = principal.GetClaim(Claims.Email),
        };
        if (!UserInfoWithoutRoles)
            answer[Claims.Role] = roles;
        await http.Response.WriteAsJsonAsync(answer, http.RequestAborted);
    }

    // Ends the browser's session here too: the next authorization asks for credentials again (with RequireLogin).
    private static Task EndSessionAsync(HttpContext http)
    {
        http.Response.Cookies.Delete(SessionCookie);
        return http.SignOutAsync(Scheme, new AuthenticationProperties { RedirectUri = "/" });
    }

    // The whole authorization request travels in the form, so the button resumes it once the session is set.
    private static async Task LoginPageAsync(HttpContext http)
    {
        var resume = WebUtility.HtmlEncode(http.Request.Query["resume"].ToString());
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Test identity provider</title></head>
            <body data-testid="{LoginPageTestId}">
            <h1>Sign in</h1>
            <form method="post" action="/{LoginPath}">
            <input type="hidden" name="resume" value="{resume}">
            <button type="submit" data-testid="{LoginButtonTestId}">Sign in</button>
            </form>
            </body></html>
            """, http.RequestAborted);
    }

    private static async Task LogInAsync(HttpContext http)
    {
        var resume = (await http.Request.ReadFormAsync(http.RequestAborted))["resume"].ToString();
        if (!resume.StartsWith("/" + AuthorizationPath + "?", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        http.Response.Cookies.Append(SessionCookie, Guid.NewGuid().ToString("N"), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax });
        http.Response.Redirect(resume);
    }

    private static IEnumerable<string> DestinationsOf(Claim claim, bool rolesInIdentityToken) => claim.Type switch
    {
        Claims.Name or Claims.Email => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role when rolesInIdentityToken => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
