using System.Diagnostics;
using AIRisk.Bench.Reporting;
using AIRisk.Bench.Support;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>audit_verify_ms</c>: <c>audit verify</c>'s check of a SQLite trail of 1,000,000 chained records with a signed
/// checkpoint at the last, streamed in sequence order (each record's hash recomputed, its link, number and time checked).
/// The trail is built first in one transaction (not measured).
/// </summary>
public sealed class AuditVerifyFigure
{
    private const int Records = 1_000_000;

    public async Task RunAsync(FigureReport report, CancellationToken ct)
    {
        await using var trail = await BenchAuditTrail.CreateAsync(ct);
        var build = Stopwatch.StartNew();
        await trail.FillAsync(Records, ct);
        FigureReport.Note($"audit_verify: {Records:N0} records built and sealed in {build.Elapsed.TotalSeconds:0.0} s (not measured)");

        var verify = Stopwatch.StartNew();
        var result = await trail.VerifyAsync(ct);
        var elapsed = verify.Elapsed;

        if (!result.Intact || result.Records != Records)
        {
            report.Add(Figure.Failed("audit_verify_ms", "ms", Goal.Max(10_000, "ms"), string.Join("; ", result.Lines)));
            return;
        }

        report.Add(new Figure("audit_verify_ms", elapsed.TotalMilliseconds, "ms", Goal.Max(10_000, "ms")));
        FigureReport.Note($"audit_verify: {result.Lines.Single()}; {Records / elapsed.TotalSeconds:N0} records per second, one pass, in-process as audit verify runs it");
    }
}
