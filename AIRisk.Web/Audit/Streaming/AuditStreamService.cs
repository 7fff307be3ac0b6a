namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Runs on every node and streams the trail to each destination: the records (stream <c>syslog</c>) and, for a
/// destination that takes them, the signed checkpoints (stream <c>syslog-checkpoints</c>). For each stream it takes the lease, reads what follows
/// the cursor in sequence order, sends it, and moves the cursor only once the destination took it; a node that dies
/// mid-send stops renewing its lease, and another takes the stream over from the cursor. After a failure it waits
/// (doubling from <see cref="AuditStreamOptions.RetryMinimum"/> up to <see cref="AuditStreamOptions.RetryMaximum"/>)
/// and tries again, for as long as it takes: a record is never dropped and a stream never turned off. Between
/// attempts it measures each stream's lag for <c>/healthz</c> and the metrics.
/// </summary>
internal sealed partial class AuditStreamService(
    IEnumerable<IAuditStreamDestination> destinations, AuditOutbox outbox, AuditStreamStatus status, AuditStreamMetrics metrics,
    AuditStreamOptions options, TimeProvider time, ILogger<AuditStreamService> logger) : BackgroundService
{
    public const string CheckpointsSuffix = "-checkpoints";

    /// <summary>This node (and this instance: tests run two in one process) as a lease holder.</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Adds each stream's row before this node serves anyone (hosted services start before the server does), so a stream
    /// that starts <see cref="AuditStreamStart.Now"/> gets every record appended from then on: an alert raised by the
    /// node's first act-as included. The database not answering yet is left to the loop, which adds them when it does.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (destination, stream, checkpoints) in Streams())
        {
            try
            {
                await outbox.EnsureAsync(stream, destination.Start, checkpoints, cancellationToken);
            }
            catch (Exception e) when (AuditTrail.IsUnavailable(e))
            {
                LogOutboxUnavailable(e, stream);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        GC.KeepAlive(metrics);
        return Task.WhenAll(Streams().Select(s => RunAsync(s.Destination, s.Stream, s.Checkpoints, stoppingToken)));
    }

    /// <summary>Each destination's records stream, and its checkpoints stream if it takes them.</summary>
    private IEnumerable<(IAuditStreamDestination Destination, string Stream, bool Checkpoints)> Streams() =>
        destinations.SelectMany(d => d.SendsCheckpoints
            ? new[] { (d, d.Name, false), (d, d.Name + CheckpointsSuffix, true) }
            : [(d, d.Name, false)]);

    private async Task RunAsync(IAuditStreamDestination destination, string stream, bool checkpoints, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await outbox.EnsureAsync(stream, destination.Start, checkpoints, ct);
                wait = await StepAsync(destination, stream, checkpoints, ct);
                status.Report(await outbox.LagAsync(stream, checkpoints, ct));
            }
            catch (Exception e) when (AuditTrail.IsUnavailable(e) && !ct.IsCancellationRequested)
            {
                LogOutboxUnavailable(e, stream);
                wait = options.PollInterval;
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <returns>How long to wait before the next step (zero: more is waiting to be sent).</returns>
    private async Task<TimeSpan> StepAsync(IAuditStreamDestination destination, string stream, bool checkpoints, CancellationToken ct)
    {
        if (await outbox.TryLeaseAsync(stream, _holder, options.Lease, ct) is not { } row)
            return options.PollInterval;
        var now = time.GetUtcNow().UtcTicks;
        if (row.NextAttemptUtcTicks > now)
            return TimeSpan.FromTicks(Math.Min(row.NextAttemptUtcTicks - now, options.PollInterval.Ticks));

        var items = checkpoints
            ? await outbox.ReadCheckpointsAsync(row.DeliveredThroughSeq, options.BatchSize, ct)
            : await outbox.ReadRecordsAsync(row.DeliveredThroughSeq, options.BatchSize, ct);
        if (items.Count == 0)
            return options.PollInterval;
        try
        {
            await destination.SendAsync(items, ct);
        }
        catch (AuditStreamUnavailableException e)
        {
            // What the destination took before it failed is delivered: the cursor moves past it, and the backoff
            // starts over, since the destination was answering until then.
            var progressed = e.TakenThroughSeq is { } taken && taken > row.DeliveredThroughSeq
                && await outbox.AdvanceAsync(stream, _holder, taken, options.Lease, ct);
            var attempts = progressed ? 1 : row.Attempts + 1;
            var retry = Backoff(attempts);
            var from = progressed ? items.FirstOrDefault(i => i.Seq > e.TakenThroughSeq)?.Seq ?? items[0].Seq : items[0].Seq;
            LogSendFailed(stream, from, attempts, retry.TotalSeconds, e.Message);
            await outbox.FailedAsync(stream, _holder, e.Message, retry, ct);
            return retry;
        }

        if (!await outbox.AdvanceAsync(stream, _holder, items[^1].Seq, options.Lease, ct))
            LogLeaseLost(stream, items[^1].Seq);
        return items.Count < options.BatchSize ? options.PollInterval : TimeSpan.Zero;
    }

    /// <summary>The wait after the <paramref name="attempts"/>th failure in a row: the minimum, doubled each time, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var doubled = options.RetryMinimum.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(doubled, options.RetryMaximum.Ticks));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit stream {Stream} could not send from record {Seq} (attempt {Attempts}); trying again in {RetrySeconds} s: {Reason}")]
    private partial void LogSendFailed(string stream, long seq, int attempts, double retrySeconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit stream {Stream}: another node took the stream over while this one sent up to record {Seq}; it sends from its own cursor (duplicates carry the same sequence)")]
    private partial void LogLeaseLost(string stream, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit stream {Stream}: the audit database cannot be read; trying again shortly")]
    private partial void LogOutboxUnavailable(Exception exception, string stream);
}
