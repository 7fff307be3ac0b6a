using System.Diagnostics;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;
using AIRisk.Web.Audit;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>audit_chain_write_overhead_ms</c>: the p95 of one audit record's write through the app (<c>AuditTrail.RecordAsync</c>:
/// the chain's head read and moved, the record hashed, in one write transaction) minus the p95 of the same record written
/// without the chain (the same EF Core insert on the same kind of trail, its sequence and hash columns filled with
/// constants). Writes to the two trails alternate, in the same run, so both see the same machine.
/// </summary>
public sealed class AuditWriteOverheadFigure(BenchSettings settings)
{
    private const int WarmUp = 100;
    private const string PlainHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        await using var chained = await BenchAuditTrail.CreateAsync(ct);
        await using var plain = await BenchAuditTrail.CreateAsync(ct);
        var count = settings.Pick(500, 2000);
        var withChain = new Samples();
        var without = new Samples();
        long plainSeq = 0;

        for (var i = 0; i < WarmUp + count; i++)
        {
            var entry = Entry(i);
            var started = Stopwatch.GetTimestamp();
            await chained.Trail.RecordAsync(entry, ct);
            var chainedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            started = Stopwatch.GetTimestamp();
            await plain.Trail.RunAsync(async db =>
            {
                var row = AuditRow.From(entry);
                row.Seq = ++plainSeq;
                row.PrevHash = PlainHash;
                row.Hash = PlainHash;
                db.Entries.Add(row);
                return await db.SaveChangesAsync(ct);
            }, ct);
            var plainMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            if (i >= WarmUp)
            {
                withChain.Add(chainedMs);
                without.Add(plainMs);
            }
        }

        report.Add(new Figure("audit_chain_write_overhead_ms", withChain.P95 - without.P95, "ms", Goal.Max(1, "ms")) { Decimals = 3 });
        FigureReport.Note($"audit_chain_write_overhead: {count} writes each after {WarmUp} warm-up; with the chain p95 {withChain.P95:0.000} ms " +
                          $"(median {withChain.Median:0.000}), without p95 {without.P95:0.000} ms (median {without.Median:0.000}); SQLite, WAL");
    }

    private static AuditEntry Entry(int i) => new()
    {
        AtUtc = DateTimeOffset.UtcNow,
        StaffId = $"staff-{i % 37}",
        StaffName = $"Support Agent {i % 37}",
        Action = AuditAction.Viewed,
        Outcome = AuditOutcome.Succeeded,
        TargetUserId = $"user-{i % 500}",
        TargetUserName = $"Customer {i % 500}",
        Detail = $"conversation {i:x16}",
        SessionId = $"{i / 10:x32}",
    };
}
