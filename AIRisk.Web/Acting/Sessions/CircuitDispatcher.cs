namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// Runs work raised off the circuit (a timer, the revalidation loop) on the circuit's dispatcher, one piece at a time
/// with the clicks of the tab, so it never interleaves with a switch between two of that switch's steps. Components
/// have <c>InvokeAsync</c> for this; services do not, so the circuit's synchronization context is captured when the
/// circuit opens (circuit handlers run on it). Without a circuit (component tests) work runs where it is called.
/// </summary>
public sealed class CircuitDispatcher
{
    // The circuit's first authentication state (and so the first revalidation) comes before the circuit handlers run.
    private static readonly TimeSpan CaptureWait = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource<SynchronizationContext> _context = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Called by the circuit handler, on the circuit's dispatcher.</summary>
    public void Capture()
    {
        if (SynchronizationContext.Current is { } context)
            _context.TrySetResult(context);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the circuit's dispatcher, waiting briefly for it to be known; where there is
    /// none (a request's scope, component tests) there is no tab to interleave with, and it runs here.
    /// </summary>
    public async Task InvokeAsync(Func<Task> work)
    {
        if (!_context.Task.IsCompleted)
            await Task.WhenAny(_context.Task, Task.Delay(CaptureWait));
        if (!_context.Task.IsCompleted || SynchronizationContext.Current == _context.Task.Result)
        {
            await work();
            return;
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _context.Task.Result.Post(async _ =>
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
        await done.Task;
    }
}
