namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// Asks again, for an open tab, every <see cref="StaffSignInOptions.RevalidateInterval"/>, whether its staff member
/// may still use the console (<see cref="StaffSignInCheck"/>). The roles the check confirmed are the ones the tab goes
/// on with (a lost admin role counts from then on). One per circuit.
/// </summary>
public sealed partial class StaffRevalidator(
    StaffContext staff,
    StaffSignInOptions options,
    StaffSignIns signIns,
    StaffSignInCheck check,
    TimeProvider time,
    ILogger<StaffRevalidator> logger)
{
    // The framework's loop spins on a zero wait.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(50);

    private long _lastCheckedTicks;
    private int _checking;
    private volatile StaffRefusal? _failure;

    /// <summary>The staff sign-in's id, read from the cookie when the tab opened.</summary>
    public string? SignInId { get; set; }

    /// <summary>Why the last check failed, once one has (from then on every check fails).</summary>
    public StaffRefusal? Failure => _failure;

    /// <summary>
    /// How long until the next check is due. Counted from the last check, not from now: every switch restarts the
    /// framework's wait, and a staff member who switches more often than the interval must still be checked.
    /// </summary>
    public TimeSpan Interval
    {
        get
        {
            var last = Volatile.Read(ref _lastCheckedTicks);
            var left = last == 0 ? TimeSpan.Zero : new DateTimeOffset(last, TimeSpan.Zero) + options.RevalidateInterval - time.GetUtcNow();
            return left > MinimumWait ? left : MinimumWait;
        }
    }

    /// <summary>
    /// Not cancelled by the tab's switches (each restarts the framework's loop): see <see cref="StaffSignInCheck.CheckAsync"/>.
    /// A check still running when the next is due is not doubled.
    /// </summary>
    /// <returns><c>false</c> when the staff member may no longer use the console (see <see cref="Failure"/>).</returns>
    public async Task<bool> IsStillValidAsync()
    {
        if (_failure is not null)
            return false;
        if (Interlocked.Exchange(ref _checking, 1) == 1)
            return true;
        Volatile.Write(ref _lastCheckedTicks, time.GetUtcNow().UtcTicks);
        var member = staff.Current;
        try
        {
            if (member.IsLocal || !options.IsConfigured || ReferenceEquals(member, StaffMember.Nobody))
                return true;
            if (await check.CheckAsync(SignInId) is { } refusal)
            {
                _failure = refusal;
                return false;
            }

            // Unless a reconnect brought another staff member in meanwhile.
            if (signIns.Find(SignInId)?.Roles is { } roles && ReferenceEquals(staff.Current, member))
                staff.Current = member with { Roles = roles };
            return true;
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    /// <summary>Refuses this tab from now on (every check fails), for a reason found outside the checks: a reconnect as someone else.</summary>
    public void RefuseTab(StaffRefusalKind kind, string why)
    {
        _failure = new StaffRefusal(kind, why);
        LogRefused(staff.Current.Id, why);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff member {StaffId} may no longer use this tab: {Why}")]
    private partial void LogRefused(string staffId, string why);
}
