using AIRisk.Core.Api;
using Microsoft.Extensions.Logging;

namespace AIRisk.Core.Auth;

/// <summary>
/// The per-circuit holder of the identity in force (the acting user and their token) and of the switch running, with
/// plain operations and no policy of its own: a switch begins with <see cref="BeginSwitchAsync"/>, which supersedes any
/// switch still running (the last click wins), and takes effect with <see cref="ApplyAsync"/> only if no newer click
/// came meanwhile. Subscribers are told after every change.
/// </summary>
public sealed partial class TokenState(ITokenProvider tokens, IAuthorizationFlow flow, ILogger<TokenState> logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ChangeNotifier _changes = new(logger);
    private SwitchTicket? _switch;

    /// <summary>The identity in force. Read it once per operation and use that snapshot throughout.</summary>
    public ActingIdentity Current { get; private set; } = ActingIdentity.None;

    /// <summary>The user a switch is running for, or <c>null</c> when none is.</summary>
    public AIRiskUser? SwitchingTo { get; private set; }

    /// <summary>Calls <paramref name="callback"/> after every change until the returned handle is disposed.</summary>
    public IDisposable NotifyOnChange(Func<Task> callback) => _changes.Subscribe(callback);

    /// <summary>
    /// Starts a switch to <paramref name="user"/>, cancelling the one running; nothing changes in force yet. The caller owns
    /// (and disposes) the ticket.
    /// </summary>
    public async Task<SwitchTicket> BeginSwitchAsync(AIRiskUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        SwitchTicket ticket;
        lock (_gate)
        {
            _switch?.Cancel();
            ticket = _switch = new SwitchTicket(user, ct);
            SwitchingTo = user;
        }

        LogSwitchStarted(user.Id);
        await _changes.NotifyAsync();
        return ticket;
    }

    /// <summary>Whether <paramref name="ticket"/> is still the switch running (no newer click, no stop).</summary>
    public bool IsCurrent(SwitchTicket ticket)
    {
        lock (_gate)
            return ReferenceEquals(_switch, ticket);
    }

    /// <summary>The user's token for <paramref name="ticket"/>: from the shared cache, or AIRisk's flow with <c>userid</c>.</summary>
    public async Task<AccessToken> GetTokenAsync(SwitchTicket ticket) => await tokens.GetAsync(ticket.User.Id, flow, ticket.Token);

    /// <summary>Puts <paramref name="ticket"/>'s user in force with <paramref name="token"/>, unless a newer click came.</summary>
    /// <returns><c>false</c> when the ticket was superseded: nothing changed.</returns>
    public async Task<bool> ApplyAsync(SwitchTicket ticket, AccessToken token)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_switch, ticket))
                return false;
            _switch = null;
            SwitchingTo = null;
            Current = new ActingIdentity(Current.Version + 1, ticket.User, token) { SwitchTrace = System.Diagnostics.Activity.Current?.Context ?? default };
        }

        LogSwitched(ticket.User.Id, token.ExpiresAt);
        await _changes.NotifyAsync();
        return true;
    }

    /// <summary>A switch that failed: the identity in force stays, and the screen stops showing the switch.</summary>
    public async Task AbandonAsync(SwitchTicket ticket, string reason)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_switch, ticket))
                return;
            _switch = null;
            SwitchingTo = null;
        }

        LogSwitchFailed(ticket.User.Id, reason);
        await _changes.NotifyAsync();
    }

    /// <summary>Returns to the generic identity, cancelling any switch running.</summary>
    public async Task ClearAsync()
    {
        string? previous;
        lock (_gate)
        {
            _switch?.Cancel();
            _switch = null;
            previous = Current.User?.Id;
            SwitchingTo = null;
            Current = new ActingIdentity(Current.Version + 1, null, null);
        }

        LogStopped(previous ?? "(nobody)");
        await _changes.NotifyAsync();
    }

    /// <summary>Replaces the token of <paramref name="identity"/> if it is still the one in force (a renewal for the same user).</summary>
    internal async Task ReplaceTokenAsync(ActingIdentity identity, AccessToken token)
    {
        lock (_gate)
        {
            if (Current.Version != identity.Version || Current.User is null || ReferenceEquals(Current.Token, token))
                return;
            Current = Current with { Token = token };
        }

        LogRenewed(identity.User!.Id, token.ExpiresAt);
        await _changes.NotifyAsync();
    }

    /// <summary>The generic token, from the shared cache or a new flow.</summary>
    public async Task<AccessToken> GetGenericTokenAsync(CancellationToken ct) => await tokens.GetAsync(null, flow, ct);

    /// <summary>Drops a generic token AIRisk refused and gets a new one.</summary>
    public async Task<AccessToken> RenewGenericTokenAsync(AccessToken refused, CancellationToken ct)
    {
        await tokens.InvalidateAsync(refused, ct);
        return await GetGenericTokenAsync(ct);
    }

    public void Dispose()
    {
        lock (_gate)
            _switch?.Cancel();
        _changes.Clear();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Switching to AIRisk user {UserId}")]
    private partial void LogSwitchStarted(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Now acting as AIRisk user {UserId}; token expires {ExpiresAt:O}")]
    private partial void LogSwitched(string userId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switch to {UserId} did not take effect: {Reason}")]
    private partial void LogSwitchFailed(string userId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped acting as {UserId}")]
    private partial void LogStopped(string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renewed the token of {UserId}; expires {ExpiresAt:O}")]
    private partial void LogRenewed(string userId, DateTimeOffset expiresAt);

}
