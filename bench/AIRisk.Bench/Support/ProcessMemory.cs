using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace AIRisk.Bench.Support;

/// <summary>
/// Memory of another .NET process without changing it: a full blocking GC is induced through the runtime's
/// diagnostics port (an EventPipe session with the GCHeapCollect keyword, as dotnet-gcdump does); that GC's
/// GCHeapStats event gives the live managed bytes (what survived, in every generation) and the heap size (which also
/// counts free space the GC keeps); private memory (RssAnon) comes from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
public static class ProcessMemory
{
    private const string RuntimeProvider = "Microsoft-Windows-DotNETRuntime";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Bytes, after a forced full GC.</summary>
    public sealed record Sample(long ManagedLive, long ManagedHeap, long PrivateResident);

    public static async Task<Sample> CollectAsync(int processId, CancellationToken ct)
    {
        // Twice: what the first GC finds only finalizable is released by the second.
        await InduceGcAsync(processId, ct);
        var (live, heap) = await InduceGcAsync(processId, ct);
        return new Sample(live, heap, ReadStatusKilobytes(processId, "RssAnon") * 1024);
    }

    private static async Task<(long Live, long Heap)> InduceGcAsync(int processId, CancellationToken ct)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        var client = new DiagnosticsClient(processId);
        using var session = client.StartEventPipeSession([new EventPipeProvider(RuntimeProvider, EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = new TaskCompletionSource<(long, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sawInducedStart = false;
        source.Clr.GCStart += e => sawInducedStart |= e.Depth == 2 && e.Reason.ToString().StartsWith("Induced", StringComparison.Ordinal);
        source.Clr.GCHeapStats += e =>
        {
            if (sawInducedStart)
                induced.TrySetResult((e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4, e.TotalHeapSize));
        };
        var processing = Task.Run(source.Process, CancellationToken.None);
        try
        {
            return await induced.Task.WaitAsync(Timeout, ct);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing;
        }
    }

    private static long ReadStatusKilobytes(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal))
                continue;
            var number = line[(field.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(number, CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no {field}.");
    }
}
