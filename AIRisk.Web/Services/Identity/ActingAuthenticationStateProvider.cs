using System.Security.Claims;
using System.Text.Json;
using AIRisk.Core.Auth;
using AIRisk.Web.Services.Acting;
using AIRisk.Web.Services.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AIRisk.Web.Services.Identity;

/// <summary>
/// Exposes the acting identity as claims: the subject is the AIRisk user, and an RFC 8693 <c>act</c> claim (and
/// <see cref="ClaimsIdentity.Actor"/>) names the staff member acting for them. Without an acting user the principal
/// is the staff member alone. Notifies on every switch, so <c>AuthorizeView</c> follows it. The host's sign-in
/// (OpenID Connect) arrives through <see cref="IHostEnvironmentAuthenticationStateProvider"/> and only ever sets
/// the staff member, who is revalidated every <see cref="StaffSignInOptions.RevalidateInterval"/>: once the sign-in
/// is signed out or the role is gone, the tab stops acting (on record) and refuses the next switch.
/// </summary>
public sealed partial class ActingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    public const string ActingAuthenticationType = "AIRisk.Acting";
    public const string StaffAuthenticationType = "AIRisk.Staff";
    public const string ActorClaim = "act";
    public const string SubjectClaim = "sub";

    private readonly TokenState _tokens;
    private readonly StaffContext _staff;
    private readonly StaffRevalidator _revalidator;
    private readonly IServiceProvider _services;
    private readonly IDisposable _subscription;
    private readonly ILogger<ActingAuthenticationStateProvider> _logger;

    public ActingAuthenticationStateProvider(ILoggerFactory loggers, TokenState tokens, StaffContext staff, StaffRevalidator revalidator, IServiceProvider services)
        : base(loggers)
    {
        _tokens = tokens;
        _staff = staff;
        _revalidator = revalidator;
        _services = services;
        _logger = loggers.CreateLogger<ActingAuthenticationStateProvider>();
        _subscription = tokens.NotifyOnChange(() =>
        {
            Raise();
            return Task.CompletedTask;
        });
        AuthenticationStateChanged += task => _ = OnHostStateAsync(task);
    }

    protected override TimeSpan RevalidationInterval => _revalidator.Interval;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(Build());

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        _revalidator.IsStillValidAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _subscription.Dispose();
        base.Dispose(disposing);
    }

    private void Raise() => NotifyAuthenticationStateChanged(Task.FromResult(Build()));

    /// <summary>
    /// A state this provider did not raise itself: the host's sign-in when the tab opens, or the anonymous one the
    /// revalidation sets when the staff member may no longer use the console.
    /// </summary>
    private async Task OnHostStateAsync(Task<AuthenticationState> task)
    {
        try
        {
            var host = await task;
            // Told apart by what the principal is, not by which call raised it: a state this provider built names
            // its own authentication types, and must never be read as a sign-in (its subject may be the AIRisk user).
            if (host.User.Identity?.AuthenticationType is StaffAuthenticationType or ActingAuthenticationType)
                return;
            if (host.User.Identity?.IsAuthenticated == true)
            {
                _staff.Current = StaffMember.FromPrincipal(host.User);
                _revalidator.SignInId = host.User.FindFirstValue(StaffSignIns.IdClaim);
                Raise();
            }
            else if (_revalidator.Failure is { } failure)
            {
                // Resolved here, not injected: the acting service's own dependencies reach this provider.
                var acting = _services.GetRequiredService<ActingService>();
                _staff.Current = StaffMember.Nobody;
                await acting.EndForStaffAsync(failure.Cause, failure.Why);
                Raise();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Raised from an event with no caller to report to; the staff member stays as last known.
            LogHostStateFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the staff sign-in to the circuit failed")]
    private partial void LogHostStateFailed(Exception exception);

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
