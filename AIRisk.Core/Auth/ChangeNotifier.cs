using Microsoft.Extensions.Logging;

namespace AIRisk.Core.Auth;

/// <summary>
/// Subscriptions to one piece of state and the telling of them after each change, in order, one after the other
/// (eShop's <c>BasketState.NotifyOnChange</c>). A subscriber that fails is logged and skipped: a change that happened is
/// never undone or held back by one (a disposed component, say).
/// </summary>
public sealed partial class ChangeNotifier(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<Task>> _subscribers = [];

    /// <summary>Calls <paramref name="callback"/> after every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<Task> callback)
    {
        lock (_gate)
            _subscribers.Add(callback);
        return new Subscription(this, callback);
    }

    public async Task NotifyAsync()
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
                LogSubscriberFailed(e);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
            _subscribers.Clear();
    }

    private void Unsubscribe(Func<Task> callback)
    {
        lock (_gate)
            _subscribers.Remove(callback);
    }

    private sealed class Subscription(ChangeNotifier owner, Func<Task> callback) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(callback);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A change subscriber failed")]
    private partial void LogSubscriberFailed(Exception exception);
}
