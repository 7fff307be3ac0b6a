using System.Diagnostics;
using AIRisk.Core.Api;

namespace AIRisk.Bench.Support;

/// <summary>
/// Staff sessions switching at once: each circuit switches every <c>interval</c> to a random other user, the sessions'
/// starts spread evenly over the first interval, until <c>duration</c> has passed. Each switch is timed as
/// <see cref="MeasuredSwitch"/> does; an exception or a switch that did not apply is an error.
/// </summary>
public static class ConcurrentLoad
{
    public sealed record Outcome(Samples Samples, IReadOnlyList<string> Errors)
    {
        public int Switches => Samples.Count + Errors.Count;
    }

    public static async Task<Outcome> RunAsync(
        IReadOnlyList<DashboardServices.Circuit> circuits, IReadOnlyList<AIRiskUser> users, TimeSpan interval, TimeSpan duration, CancellationToken ct)
    {
        var samples = new Samples();
        var errors = new List<string>();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(circuits.Select(RunSessionAsync));
        return new Outcome(samples, errors);

        async Task RunSessionAsync(DashboardServices.Circuit circuit, int session)
        {
            var random = new Random(session);
            var offset = interval * session / circuits.Count;
            for (var n = 0; ; n++)
            {
                var due = offset + interval * n;
                if (due >= duration)
                    return;
                var wait = due - Stopwatch.GetElapsedTime(start);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, ct);

                var current = circuit.Tokens.Current.User?.Id;
                var user = users[random.Next(users.Count)];
                while (user.Id == current)
                    user = users[random.Next(users.Count)];
                try
                {
                    samples.Add(await MeasuredSwitch.RunAsync(circuit, user, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The boundary of one simulated click: an error is counted, and the session goes on.
                    lock (errors)
                        errors.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
        }
    }
}
