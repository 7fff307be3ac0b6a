namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// What the verifier found: <see cref="Records"/> read, the last authentic checkpoint the chain reached
/// (<see cref="LastCheckpoint"/>, 0 when none), and every break, in order of the records.
/// </summary>
public sealed record AuditVerification(long Records, long LastCheckpoint, IReadOnlyList<AuditBreak> Breaks, long LastSeq, string LastHash, long LastAtUtcTicks)
{
    public bool Intact => Breaks.Count == 0;

    /// <summary>The verifier's output: one line when intact, else one line per break.</summary>
    public IEnumerable<string> Lines => Intact ? [$"audit intact: {Records} records, last checkpoint at record {LastCheckpoint}"] : Breaks.Select(b => b.ToString());
}
