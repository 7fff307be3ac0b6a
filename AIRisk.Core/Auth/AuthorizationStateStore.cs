using System.Collections.Concurrent;
using System.Security.Cryptography;
using AIRisk.Core.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Core.Auth;

/// <summary>
/// Issues the OAuth2 <c>state</c> values (256 random bits) and matches codes to the flow that asked for them.
/// A state is single-use and expires, so a forged, replayed or late callback is refused and never exchanged.
/// Shared by every circuit: in browser mode the callback arrives on a plain HTTP request, not on the circuit.
/// </summary>
public sealed class AuthorizationStateStore(TimeProvider time)
{
    /// <summary>How long a browser has to come back with the code.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, PendingAuthorization> _pending = new(StringComparer.Ordinal);

    /// <summary>Starts a flow for <paramref name="userId"/> (null: generic). Await <see cref="PendingAuthorization.Code"/>.</summary>
    public PendingAuthorization Begin(string? userId, string? owner = null)
    {
        Prune();
        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var pending = new PendingAuthorization(state, userId, owner, time.GetUtcNow() + Lifetime);
        _pending[state] = pending;
        return pending;
    }

    /// <summary>
    /// Delivers a code for <paramref name="state"/>. Unknown, expired or already used states are refused, and so is a
    /// state started by another <paramref name="owner"/> (another circuit) when the flow named one.
    /// </summary>
    public StateCheck Complete(string? state, string? code, string? error = null, string? owner = null)
    {
        if (string.IsNullOrEmpty(state) || !_pending.TryGetValue(state, out var pending))
            return StateCheck.Unknown;
        if (pending.Owner is not null && !string.Equals(pending.Owner, owner, StringComparison.Ordinal))
            return StateCheck.WrongOwner;
        if (!_pending.TryRemove(new KeyValuePair<string, PendingAuthorization>(state, pending)))
            return StateCheck.Unknown;
        if (time.GetUtcNow() > pending.ExpiresAt)
        {
            pending.Fail(new AIRiskAuthException("Sign-in took too long: the authorization expired. Try again."));
            return StateCheck.Expired;
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
            pending.Fail(new AIRiskAuthException(Sentence.End($"AIRisk refused the authorization: {(string.IsNullOrEmpty(error) ? "no code was returned" : error)}")));
        else
            pending.Succeed(code);
        return StateCheck.Accepted;
    }

    /// <summary>Drops a flow that will not complete (cancelled or failed before the callback).</summary>
    public void Abandon(PendingAuthorization pending) => _pending.TryRemove(new KeyValuePair<string, PendingAuthorization>(pending.State, pending));

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (state, pending) in _pending)
        {
            if (now > pending.ExpiresAt && _pending.TryRemove(new KeyValuePair<string, PendingAuthorization>(state, pending)))
                pending.Fail(new AIRiskAuthException("Sign-in took too long: the authorization expired. Try again."));
        }
    }
}
