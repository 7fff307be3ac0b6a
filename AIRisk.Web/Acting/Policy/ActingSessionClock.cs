namespace AIRisk.Web.Acting.Policy;

/// <summary>
/// The idle timeout and hard cap of one acting session: it ends after <see cref="ConsolePolicyOptions.IdleTimeout"/>
/// without staff activity, or <see cref="ConsolePolicyOptions.MaxSession"/> after it began, whichever comes first.
/// </summary>
public sealed class ActingSessionClock(ConsolePolicyOptions policy, TimeProvider time)
{
    private DateTimeOffset? _startedAt;
    private DateTimeOffset _lastActivity;

    public bool IsRunning => _startedAt is not null;

    /// <summary>When the session in force began; <c>null</c> while none is.</summary>
    public DateTimeOffset? StartedAt => _startedAt;

    /// <summary>When staff last did something as the user; the idle timeout counts from here.</summary>
    public DateTimeOffset LastActivity => _lastActivity;

    public void Start() => Resume(time.GetUtcNow(), time.GetUtcNow());

    /// <summary>Takes up a session that began earlier (a reload): its limits keep counting from then.</summary>
    public void Resume(DateTimeOffset startedAt, DateTimeOffset lastActivity)
    {
        _startedAt = startedAt;
        _lastActivity = lastActivity;
    }

    public void Stop() => _startedAt = null;

    public void Touch()
    {
        if (IsRunning)
            _lastActivity = time.GetUtcNow();
    }

    /// <summary>How long the session has left, and which limit ends it.</summary>
    public (TimeSpan Left, SessionLimit Limit) Remaining()
    {
        if (_startedAt is not { } started)
            return (TimeSpan.Zero, SessionLimit.Idle);
        var now = time.GetUtcNow();
        var idleLeft = _lastActivity + policy.IdleTimeout - now;
        var capLeft = started + policy.MaxSession - now;
        return idleLeft <= capLeft ? (idleLeft, SessionLimit.Idle) : (capLeft, SessionLimit.Cap);
    }
}
