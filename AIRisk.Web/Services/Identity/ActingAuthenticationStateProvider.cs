using System.Security.Claims;
using System.Text.Json;
using AIRisk.Core.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace AIRisk.Web.Services.Identity;

/// <summary>
/// Exposes the acting identity as claims: the subject is the AIRisk user, and an RFC 8693 <c>act</c> claim names the
/// staff member acting for them. Notifies on every switch, so <c>AuthorizeView</c> and cascading authentication
/// state follow it. Without an acting user the principal is the operator alone.
/// </summary>
public sealed class ActingAuthenticationStateProvider : AuthenticationStateProvider, IDisposable
{
    public const string ActingAuthenticationType = "AIRisk.Acting";
    public const string OperatorAuthenticationType = "AIRisk.Operator";
    public const string ActorClaim = "act";
    public const string SubjectClaim = "sub";

    private readonly TokenState _tokens;
    private readonly IOperatorIdentity _operator;
    private readonly IDisposable _subscription;

    public ActingAuthenticationStateProvider(TokenState tokens, IOperatorIdentity @operator)
    {
        _tokens = tokens;
        _operator = @operator;
        _subscription = tokens.NotifyOnChange(() =>
        {
            NotifyAuthenticationStateChanged(Task.FromResult(Build(_tokens.Current)));
            return Task.CompletedTask;
        });
    }

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(Build(_tokens.Current));

    public void Dispose() => _subscription.Dispose();

    private AuthenticationState Build(ActingSession session)
    {
        var actor = new Dictionary<string, string> { [SubjectClaim] = _operator.Id, ["name"] = _operator.Name };
        if (session.User is not { } user)
        {
            var staff = new ClaimsIdentity(
                [new Claim(SubjectClaim, _operator.Id), new Claim(ClaimTypes.Name, _operator.Name)],
                OperatorAuthenticationType, ClaimTypes.Name, ClaimTypes.Role);
            return new AuthenticationState(new ClaimsPrincipal(staff));
        }

        List<Claim> claims =
        [
            new(SubjectClaim, user.Id),
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.DisplayName),
            new(ActorClaim, JsonSerializer.Serialize(actor), "JSON"),
        ];
        if (user.Role is { } role)
            claims.Add(new Claim(ClaimTypes.Role, role));
        if (user.Email is { } email)
            claims.Add(new Claim(ClaimTypes.Email, email));

        var identity = new ClaimsIdentity(claims, ActingAuthenticationType, ClaimTypes.Name, ClaimTypes.Role)
        {
            Actor = new ClaimsIdentity([new Claim(SubjectClaim, _operator.Id), new Claim(ClaimTypes.Name, _operator.Name)], OperatorAuthenticationType),
        };
        return new AuthenticationState(new ClaimsPrincipal(identity));
    }
}
