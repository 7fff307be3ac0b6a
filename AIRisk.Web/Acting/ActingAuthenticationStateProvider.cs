using System.Security.Claims;
using System.Text.Json;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AIRisk.Web.Acting;

/// <summary>
/// Exposes the acting identity as claims: the subject is the AIRisk user, and an RFC 8693 <c>act</c> claim (and
/// <see cref="ClaimsIdentity.Actor"/>) names the staff member acting for them. Without an acting user the principal
/// is the staff member alone. Notifies on every switch, so <c>AuthorizeView</c> follows it. The host's sign-in
/// (OpenID Connect) arrives through <see cref="IHostEnvironmentAuthenticationStateProvider"/> and only ever sets
/// the staff member, who is revalidated every <see cref="StaffSignInOptions.RevalidateInterval"/>: once the sign-in
/// is signed out or the role is gone, the tab stops acting (on record) and becomes anonymous: nothing of the console
/// is shown until staff sign in again.
/// </summary>
public sealed partial class ActingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider, IHostEnvironmentAuthenticationStateProvider
{
    public const string ActingAuthenticationType = "AIRisk.Acting";
    public const string StaffAuthenticationType = "AIRisk.Staff";
    public const string ActorClaim = "act";
    public const string SubjectClaim = "sub";

    private readonly TokenState _tokens;
    private readonly StaffContext _staff;
    private readonly StaffRevalidator _revalidator;
    private readonly CircuitDispatcher _dispatcher;
    private readonly SessionEnder _ender;
    private bool _signedIn;
    private readonly IDisposable _subscription;
    private readonly Lock _notifying = new();
    private readonly ILogger<ActingAuthenticationStateProvider> _logger;

    public ActingAuthenticationStateProvider(ILoggerFactory loggers, TokenState tokens, StaffContext staff, StaffRevalidator revalidator,
        CircuitDispatcher dispatcher, SessionEnder ender)
        : base(loggers)
    {
        _tokens = tokens;
        _staff = staff;
        _revalidator = revalidator;
        _dispatcher = dispatcher;
        _ender = ender;
        _logger = loggers.CreateLogger<ActingAuthenticationStateProvider>();
        _subscription = tokens.NotifyOnChange(() =>
        {
            Raise();
            return Task.CompletedTask;
        });
    }

    protected override TimeSpan RevalidationInterval => _revalidator.Interval;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(Build());

    /// <summary>
    /// A failed check ends acting here, on the circuit's dispatcher like a click, and always answers <c>true</c>: the
    /// framework's own sign-out would raise the change from this loop's thread while a switch runs on the dispatcher,
    /// and an exception would sign out without saying why. The anonymous state raised once acting has ended stops
    /// this loop.
    /// </summary>
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        try
        {
            if (!await _revalidator.IsStillValidAsync() && _revalidator.Failure is { } failure)
                await _dispatcher.InvokeAsync(() => EndForStaffAsync(failure));
        }
        catch (Exception e)
        {
            // Never to the framework: its sign-out would bypass this tab's view (see above). Logged; the next check asks again.
            LogCheckFailed(e);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Revalidating the staff sign-in failed")]
    private partial void LogCheckFailed(Exception exception);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _subscription.Dispose();

        base.Dispose(disposing);
    }

    // One change at a time: the framework swaps its revalidation loop on each, and two at once would leave one running.
    private void Raise()
    {
        lock (_notifying)
            NotifyAuthenticationStateChanged(Task.FromResult(Build()));
    }

    /// <summary>
    /// The host's sign-in, set when the tab's circuit opens and again on each reconnect (anonymous without staff
    /// sign-in). Re-implemented rather than inherited: the host's principal is never passed on as it is (it would
    /// reach the page in place of the tab's own view); what it says of the staff member is taken in, and the tab's
    /// view (staff, or the user acted as) raised instead.
    /// </summary>
    void IHostEnvironmentAuthenticationStateProvider.SetAuthenticationState(Task<AuthenticationState> authenticationStateTask) =>
        _ = TakeInHostStateAsync(authenticationStateTask);

    private async Task TakeInHostStateAsync(Task<AuthenticationState> task)
    {
        try
        {
            var host = (await task).User;
            // Once refused, the tab stays refused: only a new page load (a new sign-in) brings staff back.
            if (_revalidator.Failure is null && host.Identity?.IsAuthenticated == true)
            {
                var member = StaffMember.FromPrincipal(host);
                var signInId = host.FindFirstValue(StaffSignIns.IdClaim);
                if (!_signedIn)
                {
                    // The circuit's first sign-in: whoever opened the tab.
                    _signedIn = true;
                    _staff.Current = member;
                    _revalidator.SignInId = signInId;
                }
                else if (member.Id != _staff.Current.Id || signInId != _revalidator.SignInId)
                {
                    // A reconnect signed in as someone else (a shared desk): the session in force was the first person's.
                    _revalidator.RefuseTab(StaffRefusalKind.Changed, "this tab reconnected with another staff sign-in");
                    await _dispatcher.InvokeAsync(() => EndForStaffAsync(_revalidator.Failure!));
                    return;
                }

                // Otherwise a reconnect of the same sign-in: the roles revalidation last read are newer than the cookie's.
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing to report to: the staff member stays as last known (nobody, at first: fail closed).
            LogHostStateFailed(e);
        }

        Raise();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the staff sign-in for the circuit failed")]
    private partial void LogHostStateFailed(Exception exception);

    private async Task EndForStaffAsync(StaffRefusal refusal)
    {
        try
        {
            // Ended while the staff member is still known, so the end is recorded in their name; then the tab is nobody's.
            await _ender.EndAsync(refusal.Kind switch
            {
                StaffRefusalKind.LostRole => SessionEndCause.StaffLostRole,
                StaffRefusalKind.Changed => SessionEndCause.StaffChanged,
                _ => SessionEndCause.StaffSignedOut,
            }, refusal.Why);
        }
        catch (Exception e)
        {
            LogEndFailed(e);
        }
        finally
        {
            _staff.Current = StaffMember.Nobody;
            Raise();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ending acting for a refused staff sign-in failed")]
    private partial void LogEndFailed(Exception exception);

    private AuthenticationState Build()
    {
        var staff = _staff.Current;
        // Nobody (not signed in yet, or refused at revalidation) is anonymous: nothing of the console is shown to it.
        if (ReferenceEquals(staff, StaffMember.Nobody))
            return new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()));
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
