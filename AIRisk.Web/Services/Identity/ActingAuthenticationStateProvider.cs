using System.Security.Claims;
using System.Text.Json;
using AIRisk.Core.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace AIRisk.Web.Services.Identity;

/// <summary>
/// Exposes the acting identity as claims: the subject is the AIRisk user, and an RFC 8693 <c>act</c> claim (and
/// <see cref="ClaimsIdentity.Actor"/>) names the staff member acting for them. Without an acting user the principal
/// is the staff member alone. Notifies on every switch, so <c>AuthorizeView</c> follows it. The host's sign-in
/// (OpenID Connect) arrives through <see cref="IHostEnvironmentAuthenticationStateProvider"/> and only ever sets
/// the staff member.
/// </summary>
public sealed class ActingAuthenticationStateProvider : AuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider, IDisposable
{
    public const string ActingAuthenticationType = "AIRisk.Acting";
    public const string StaffAuthenticationType = "AIRisk.Staff";
    public const string ActorClaim = "act";
    public const string SubjectClaim = "sub";

    private readonly TokenState _tokens;
    private readonly StaffContext _staff;
    private readonly IDisposable _subscription;

    public ActingAuthenticationStateProvider(TokenState tokens, StaffContext staff)
    {
        _tokens = tokens;
        _staff = staff;
        _subscription = tokens.NotifyOnChange(() =>
        {
            NotifyAuthenticationStateChanged(Task.FromResult(Build()));
            return Task.CompletedTask;
        });
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(Build());

    public void SetAuthenticationState(Task<AuthenticationState> authenticationStateTask)
    {
        ArgumentNullException.ThrowIfNull(authenticationStateTask);
        _ = ApplyHostStateAsync(authenticationStateTask);
    }

    private async Task ApplyHostStateAsync(Task<AuthenticationState> authenticationStateTask)
    {
        var host = await authenticationStateTask;
        if (host.User.Identity?.IsAuthenticated == true)
            _staff.Current = StaffMember.FromPrincipal(host.User);
        NotifyAuthenticationStateChanged(Task.FromResult(Build()));
    }

    public void Dispose() => _subscription.Dispose();

    private AuthenticationState Build()
    {
        var staff = _staff.Current;
        var staffClaims = new List<Claim> { new(SubjectClaim, staff.Id), new(ClaimTypes.Name, staff.Name) };
        staffClaims.AddRange(staff.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var staffIdentity = new ClaimsIdentity(staffClaims, StaffAuthenticationType, ClaimTypes.Name, ClaimTypes.Role);

        if (_tokens.Current.User is not { } user)
            return new AuthenticationState(new ClaimsPrincipal(staffIdentity));

        List<Claim> claims =
        [
            new(SubjectClaim, user.Id),
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.DisplayName),
            new(ActorClaim, JsonSerializer.Serialize(new Dictionary<string, string> { [SubjectClaim] = staff.Id, ["name"] = staff.Name }), "JSON"),
        ];
        if (user.Role is { } role)
            claims.Add(new Claim(ClaimTypes.Role, role));
        if (user.Email is { } email)
            claims.Add(new Claim(ClaimTypes.Email, email));

        var acting = new ClaimsIdentity(claims, ActingAuthenticationType, ClaimTypes.Name, ClaimTypes.Role) { Actor = staffIdentity };
        return new AuthenticationState(new ClaimsPrincipal(acting));
    }
}
