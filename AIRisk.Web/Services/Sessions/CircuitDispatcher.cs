namespace AIRisk.Web.Services.Sessions;

/// <summary>
/// Runs work raised off the circuit (a timer, the revalidation loop) on the circuit's dispatcher, one piece at a time
/// with the clicks of the tab, so it never interleaves with a switch between two of that switch's steps. Components
/// have <c>InvokeAsync</c> for this; services do not, so the circuit's synchronization context is captured when the
/// circuit opens (circuit handlers run on it). Without a circuit (component tests) work runs where it is called.
/// </summary>
public sealed class CircuitDispatcher
{
    private SynchronizationContext? _context;

    /// <summary>Called by the circuit handler, on the circuit's dispatcher.</summary>
    public void Capture() => _context = SynchronizationContext.Current;

    public Task InvokeAsync(Func<Task> work)
    {
        var context = _context;
        if (context is null || SynchronizationContext.Current == context)
            return work();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        context.Post(async _ =>
        {
            try
            {
                await work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, null);
        return done.Task;
    }
}
