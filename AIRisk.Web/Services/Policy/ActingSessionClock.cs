namespace AIRisk.Web.Services.Policy;

/// <summary>
/// The idle timeout and hard cap of one acting session: it ends after <see cref="ConsolePolicyOptions.IdleTimeout"/>
/// without staff activity, or <see cref="ConsolePolicyOptions.MaxSession"/> after it began, whichever comes first.
/// </summary>
public sealed class ActingSessionClock(ConsolePolicyOptions policy, TimeProvider time)
{
    private DateTimeOffset? _startedAt;
    private DateTimeOffset _lastActivity;

    public bool IsRunning => _startedAt is not null;

    public void Start()
    {
        _startedAt = time.GetUtcNow();
        _lastActivity = _startedAt.Value;
    }

    public void Stop() => _startedAt = null;

    public void Touch()
    {
        if (IsRunning)
            _lastActivity = time.GetUtcNow();
    }

    /// <summary>How long the session has left, and which limit ends it.</summary>
    public (TimeSpan Left, string Limit) Remaining()
    {
        if (_startedAt is not { } started)
            return (TimeSpan.Zero, "");
        var now = time.GetUtcNow();
        var idleLeft = _lastActivity + policy.IdleTimeout - now;
        var capLeft = started + policy.MaxSession - now;
        return idleLeft <= capLeft ? (idleLeft, "idle") : (capLeft, "cap");
    }

    /// <returns>Why the session must end now, or <c>null</c>.</returns>
    public string? ExpiryReason()
    {
        if (!IsRunning)
            return null;
        var (left, limit) = Remaining();
        if (left > TimeSpan.Zero)
            return null;
        return limit == "idle"
            ? $"no activity for {policy.IdleTimeout.TotalMinutes:0} min"
            : $"the {policy.MaxSession.TotalMinutes:0}-minute limit of an acting session was reached";
    }
}
