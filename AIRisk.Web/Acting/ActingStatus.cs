using AIRisk.Core.Auth;

namespace AIRisk.Web.Acting;

/// <summary>What staff are told about acting, beside the identity itself.</summary>
/// <param name="Message">Why a switch failed or a session ended.</param>
/// <param name="SignInRetry">When the message is a sign-in only a click can open: what that click runs.</param>
public sealed record ActingNotice(string Message, Func<Task>? SignInRetry = null);

/// <summary>
/// The tab's acting status that is not the identity: the last notice, and whether the tab's start (resuming its session,
/// or single-user mode) has run. Reaches the screen only through the cascaded <see cref="Components.ActingView"/>: the
/// cascade is its one subscriber. One per circuit.
/// </summary>
public sealed class ActingStatus(ILogger<ActingStatus> logger)
{
    private readonly ChangeNotifier _changes = new(logger);

    public ActingNotice? Notice { get; private set; }

    /// <summary>The tab's start has run: an identity that changes from now on changed because staff asked.</summary>
    public bool Started { get; private set; }

    /// <param name="notice">The notice; <c>null</c> clears it.</param>
    /// <param name="raise">
    /// <c>false</c> when the identity is about to change as well: the screen reads the notice in the render that change
    /// causes, so both show together.
    /// </param>
    public Task SetNoticeAsync(ActingNotice? notice, bool raise = true)
    {
        if (notice == Notice)
            return Task.CompletedTask;
        Notice = notice;
        return raise ? RaiseAsync() : Task.CompletedTask;
    }

    public Task MarkStartedAsync()
    {
        if (Started)
            return Task.CompletedTask;
        Started = true;
        return RaiseAsync();
    }

    /// <summary>Calls <paramref name="changed"/> after every change until the returned handle is disposed.</summary>
    public IDisposable NotifyOnChange(Func<Task> changed) => _changes.Subscribe(changed);

    private Task RaiseAsync() => _changes.NotifyAsync();
}
