using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using AIRisk.Web.Services.Security;
using AIRisk.Web.Services.Sessions;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Identity;

/// <summary>
/// Asks again, for an open tab, whether its staff member may still use the console: the sign-in has not been signed
/// out (in this or another tab), the identity provider still accepts it, and its userinfo still lists the required
/// role. The roles read are the ones the console goes on with (a lost admin role counts from then on). One per circuit.
/// </summary>
public sealed partial class StaffRevalidator(
    StaffContext staff,
    StaffSignInOptions options,
    StaffSignIns signIns,
    IHttpClientFactory http,
    IServiceProvider services,
    TimeProvider time,
    ILogger<StaffRevalidator> logger)
{
    public const string ClientName = "staff-userinfo";

    /// <summary>The staff sign-in's id, read from the cookie when the tab opened.</summary>
    public string? SignInId { get; set; }

    /// <summary>Why the last check failed, once one has.</summary>
    public (SessionEndCause Cause, string Why)? Failure { get; private set; }

    private DateTimeOffset _lastChecked = DateTimeOffset.MinValue;

    /// <summary>
    /// How long until the next check is due. Counted from the last check, not from now: every switch restarts the
    /// framework's wait, and a staff member who switches more often than the interval must still be checked.
    /// </summary>
    public TimeSpan Interval
    {
        get
        {
            var left = _lastChecked == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastChecked + options.RevalidateInterval - time.GetUtcNow();
            return left > MinimumWait ? left : MinimumWait;
        }
    }

    // The framework's loop spins on a zero wait.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    /// <returns><c>false</c> when the staff member may no longer use the console (see <see cref="Failure"/>).</returns>
    public async Task<bool> IsStillValidAsync(CancellationToken ct)
    {
        var member = staff.Current;
        if (member.IsLocal || !options.IsConfigured || ReferenceEquals(member, StaffMember.Nobody))
            return true;
        _lastChecked = time.GetUtcNow();
        if (signIns.AccessToken(SignInId) is not { } token)
            return Fail(SessionEndCause.StaffSignedOut, "your staff sign-in was signed out");
        if (token.Length == 0)
        {
            // The provider gave no access token to ask userinfo with: the roles stay as signed in with.
            return true;
        }

        HashSet<string> roles;
        try
        {
            var configuration = await services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>()
                .Get(OpenIdConnectDefaults.AuthenticationScheme).ConfigurationManager!.GetConfigurationAsync(ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, configuration.UserInfoEndpoint);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                signIns.Forget(SignInId);
                return Fail(SessionEndCause.StaffSignedOut, "the identity provider no longer accepts your staff sign-in");
            }

            response.EnsureSuccessStatusCode();
            if (RolesOf(await response.Content.ReadFromJsonAsync<JsonElement>(ct)) is not { } listed)
            {
                // This provider names roles only in the id token: userinfo cannot withdraw them, so the roles stay as
                // signed in with (the sign-out and account checks above still hold).
                return true;
            }

            roles = listed;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            // The provider could not be asked: the sign-in stays as last confirmed, and the next check asks again.
            LogUnreachable(member.Id, e.Message);
            return true;
        }

        if (!roles.Contains(options.RequiredRole!))
        {
            signIns.Forget(SignInId);
            return Fail(SessionEndCause.StaffLostRole, $"you no longer hold the staff role '{options.RequiredRole}'");
        }

        staff.Current = member with { Roles = roles };
        return true;
    }

    private bool Fail(SessionEndCause cause, string why)
    {
        Failure = (cause, why);
        LogRefused(staff.Current.Id, why);
        return false;
    }

    /// <returns>The roles userinfo lists, or <c>null</c> when it has no role or group key at all.</returns>
    private static HashSet<string>? RolesOf(JsonElement userInfo)
    {
        HashSet<string>? roles = null;
        foreach (var type in StaffMember.RoleClaimTypes.Where(t => t != ClaimTypes.Role))
        {
            if (userInfo.ValueKind != JsonValueKind.Object || !userInfo.TryGetProperty(type, out var value))
                continue;
            roles ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (value.ValueKind == JsonValueKind.String)
                roles.Add(value.GetString()!);
            else if (value.ValueKind == JsonValueKind.Array)
                roles.UnionWith(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
        }

        return roles;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff member {StaffId} may no longer use the console: {Why}")]
    private partial void LogRefused(string staffId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the identity provider about staff member {StaffId} ({Reason}); asking again next time")]
    private partial void LogUnreachable(string staffId, string reason);
}
