using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Auth;

/// <summary>
/// The per-circuit holder of the generic token and of the acting user with their token. Switches are atomic and
/// the last one started wins: an older switch still in flight is cancelled and never applied, and a failed switch
/// leaves the previous identity in place. Subscribers are told after every change.
/// </summary>
public sealed partial class TokenState(
    ITokenProvider tokens,
    IAuthorizationFlow flow,
    IOptions<AIRiskOptions> options,
    TimeProvider time,
    ILogger<TokenState> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];
    private CancellationTokenSource? _switch;
    private (AccessToken Old, Task<AccessToken> Token)? _renewal;
    private long _attempt;

    /// <summary>The identity in force. Read it once per operation and use that snapshot throughout.</summary>
    public ActingIdentity Current { get; private set; } = ActingIdentity.None;

    /// <summary>The user a switch is running for, or <c>null</c> when none is.</summary>
    public AIRiskUser? SwitchingTo { get; private set; }

    /// <summary>
    /// Asked before a user's token is renewed (before expiry or after a 401); throwing refuses the renewal. The console
    /// re-checks its policy here, so a session lasts only while it would still be allowed to start.
    /// </summary>
    public Func<ActingIdentity, CancellationToken, Task>? BeforeRenewal { get; set; }

    /// <summary>
    /// Told when AIRisk refuses to sign a user in again for a renewal (the flow itself failed, not the network): the
    /// console ends that acting session instead of letting every call fail on.
    /// </summary>
    public Func<ActingIdentity, AIRiskAuthException, Task>? RenewalRefused { get; set; }

    private TimeSpan Skew => TimeSpan.FromSeconds(options.Value.TokenRefreshSkewSeconds);

    /// <summary>Calls <paramref name="callback"/> after every change until the returned handle is disposed.</summary>
    public IDisposable NotifyOnChange(Func<Task> callback)
    {
        lock (_gate)
            _subscribers.Add(callback);
        return new Subscription(this, callback);
    }

    /// <summary>
    /// Acts as <paramref name="user"/>. Returns <c>false</c> when a newer switch (or stop) superseded this one, in
    /// which case nothing changed on its account. Throws <see cref="AIRiskApiException"/> when AIRisk refuses;
    /// the previous identity then stays in place.
    /// </summary>
    public Task<bool> ActAsAsync(AIRiskUser user, CancellationToken ct = default) => ActAsAsync(user, null, null, ct);

    /// <summary>
    /// As <see cref="ActAsAsync(AIRiskUser, CancellationToken)"/>, running <paramref name="beforeToken"/> before the
    /// token is requested and <paramref name="beforeApply"/> once it is in hand, just before the switch takes effect.
    /// Either may throw to stop the switch (an audit record that cannot be written: fail closed). The switch counts as
    /// started when this is called, so a later call supersedes it however long these steps take.
    /// </summary>
    public async Task<bool> ActAsAsync(AIRiskUser user, Func<CancellationToken, Task>? beforeToken, Func<CancellationToken, Task>? beforeApply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        CancellationTokenSource mine;
        long attempt;
        lock (_gate)
        {
            _switch?.Cancel();
            mine = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _switch = mine;
            attempt = ++_attempt;
            SwitchingTo = user;
        }

        LogSwitchStarted(user.Id);
        await NotifyAsync();

        AccessToken token;
        try
        {
            if (beforeToken is not null)
                await beforeToken(mine.Token);
            if (IsSuperseded(attempt))
            {
                LogSwitchSuperseded(user.Id);
                return false;
            }

            token = await tokens.GetAsync(user.Id, flow, mine.Token);
            if (beforeApply is not null && !IsSuperseded(attempt))
                await beforeApply(mine.Token);
        }
        catch (Exception) when (IsSuperseded(attempt))
        {
            // A newer click or a stop already replaced this switch: its outcome, even a failure, no longer matters.
            LogSwitchSuperseded(user.Id);
            return false;
        }
        catch (Exception e)
        {
            LogSwitchFailed(user.Id, e.Message);
            await EndSwitchAsync(attempt);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_switch, mine))
                    _switch = null;
            }

            mine.Dispose();
        }

        lock (_gate)
        {
            if (attempt != _attempt)
                return false;
            Current = new ActingIdentity(Current.Version + 1, user, token) { SwitchTrace = System.Diagnostics.Activity.Current?.Context ?? default };
            SwitchingTo = null;
        }

        LogSwitched(user.Id, token.ExpiresAt);
        await NotifyAsync();
        return true;
    }

    /// <summary>Returns to the generic identity, cancelling any switch in flight.</summary>
    public async Task StopActingAsync()
    {
        string? previous;
        lock (_gate)
        {
            _switch?.Cancel();
            _attempt++;
            previous = Current.User?.Id;
            SwitchingTo = null;
            Current = new ActingIdentity(Current.Version + 1, null, null);
        }

        LogStopped(previous ?? "(nobody)");
        await NotifyAsync();
    }

    /// <summary>The generic token, from the shared cache or a new flow.</summary>
    public async Task<AccessToken> GetGenericTokenAsync(CancellationToken ct) => await tokens.GetAsync(null, flow, ct);

    /// <summary>Drops a generic token AIRisk refused and gets a new one.</summary>
    public async Task<AccessToken> RenewGenericTokenAsync(AccessToken refused, CancellationToken ct)
    {
        await tokens.InvalidateAsync(refused, ct);
        return await GetGenericTokenAsync(ct);
    }

    /// <summary>
    /// The token to send for <paramref name="session"/>: its own while still fresh, else a renewed one for the same
    /// user. With <paramref name="refused"/>, AIRisk rejected the session's token (a 401) and the flow runs again.
    /// The snapshot in force is updated only if it is still the same identity.
    /// </summary>
    public async Task<AccessToken> GetTokenAsync(ActingIdentity session, bool refused, CancellationToken ct)
    {
        if (session.User is null || session.Token is null)
            throw new AIRiskApiException("No AIRisk user is active: pick a user to act as first.");

        var latest = Current;
        // A call still in flight for a session that has ended (stopped, switched, expired) is refused, never renewed.
        if (latest.Version != session.Version)
            throw new AIRiskApiException($"The acting session as {session.User.DisplayName} has ended; this call was not sent.");

        var known = latest.Token ?? session.Token;
        if (refused ? !ReferenceEquals(known, session.Token) : !known.IsExpiring(time.GetUtcNow(), Skew))
            return known;
        var token = await RenewOnceAsync(session, known, refused);

        var changed = false;
        lock (_gate)
        {
            if (Current.Version == session.Version && Current.User is not null && !ReferenceEquals(Current.Token, token))
            {
                Current = Current with { Token = token };
                changed = true;
            }
        }

        if (changed)
        {
            LogRenewed(session.User.Id, token.ExpiresAt);
            await NotifyAsync();
        }

        return token;
    }

    /// <summary>
    /// Parallel calls of this circuit that found the same token expiring, or were refused it (the workspace loads
    /// agents and conversations at once), share one renewal: one policy check, one flow, no evicting each other's
    /// fresh token.
    /// </summary>
    private Task<AccessToken> RenewOnceAsync(ActingIdentity session, AccessToken old, bool refused)
    {
        lock (_gate)
        {
            if (_renewal is { } running && ReferenceEquals(running.Old, old))
                return running.Token;
            var renewal = RenewAsync(session, old, refused);
            // One that failed before its first await ran its clean-up before this line: keep it out, so the next call
            // tries again instead of being handed the same failure for as long as the old token is current.
            if (!renewal.IsCompleted || renewal.IsCompletedSuccessfully)
                _renewal = (old, renewal);
            return renewal;
        }
    }

    // Not tied to one caller's cancellation: other calls of this circuit may be waiting on it; timeouts bound it.
    private async Task<AccessToken> RenewAsync(ActingIdentity session, AccessToken old, bool refused)
    {
        try
        {
            if (BeforeRenewal is { } check)
                await check(session, CancellationToken.None);
            if (refused)
                await tokens.InvalidateAsync(old, CancellationToken.None);
            return await tokens.GetAsync(session.User!.Id, flow, CancellationToken.None);
        }
        catch (Exception e)
        {
            // A failed renewal is not kept: the next call tries again (AIRisk may be back).
            lock (_gate)
            {
                if (_renewal is { } running && ReferenceEquals(running.Old, old))
                    _renewal = null;
            }

            // Only AIRisk's own answer refusing it: a timeout, a network failure or an open breaker is not a refusal.
            if (e is AIRiskAuthException { StatusCode: >= 400 and < 500 } refusal && RenewalRefused is { } onRefused)
                await onRefused(session, refusal);
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _switch?.Cancel();
            _subscribers.Clear();
        }
    }

    private bool IsSuperseded(long attempt)
    {
        lock (_gate)
            return attempt != _attempt;
    }

    private async Task EndSwitchAsync(long attempt)
    {
        lock (_gate)
        {
            if (attempt != _attempt)
                return;
            SwitchingTo = null;
        }

        await NotifyAsync();
    }

    private async Task NotifyAsync()
    {
        Func<Task>[] subscribers;
        lock (_gate)
            subscribers = [.. _subscribers];

        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A broken subscriber (a disposed component, say) must not undo or block a switch that happened.
                LogSubscriberFailed(e);
            }
        }
    }

    private void Unsubscribe(Func<Task> callback)
    {
        lock (_gate)
            _subscribers.Remove(callback);
    }

    private sealed class Subscription(TokenState owner, Func<Task> callback) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(callback);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Switching to AIRisk user {UserId}")]
    private partial void LogSwitchStarted(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Now acting as AIRisk user {UserId}; token expires {ExpiresAt:O}")]
    private partial void LogSwitched(string userId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Switch to {UserId} superseded by a newer one")]
    private partial void LogSwitchSuperseded(string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switch to {UserId} failed: {Reason}")]
    private partial void LogSwitchFailed(string userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped acting as {UserId}")]
    private partial void LogStopped(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewed the token of {UserId}; expires {ExpiresAt:O}")]
    private partial void LogRenewed(string userId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A TokenState subscriber failed")]
    private partial void LogSubscriberFailed(Exception exception);
}
