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

    /// <returns>Why the session must end now, or <c>null</c>.</returns>
    public string? ExpiryReason()
    {
        if (!IsRunning)
            return null;
        var (left, limit) = Remaining();
        return left > TimeSpan.Zero ? null : Describe(limit);
    }

    /// <summary>Which limit a session that began at <paramref name="startedAt"/> has passed by now, if any.</summary>
    public SessionLimit? LimitPassed(DateTimeOffset startedAt, DateTimeOffset lastActivity)
    {
        var now = time.GetUtcNow();
        if (now - lastActivity >= policy.IdleTimeout)
            return SessionLimit.Idle;
        return now - startedAt >= policy.MaxSession ? SessionLimit.Cap : null;
    }

    /// <summary>How staff read the end of a session at <paramref name="limit"/>.</summary>
    public string Describe(SessionLimit limit) => limit == SessionLimit.Idle
        ? $"no activity for {policy.IdleTimeout.TotalMinutes:0} min"
        : $"the {policy.MaxSession.TotalMinutes:0}-minute limit of an acting session was reached";
}
