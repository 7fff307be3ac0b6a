namespace AIRisk.Web.Audit.Chain;

/// <summary>One finding of the verifier: <see cref="Kind"/> at record <see cref="Seq"/>.</summary>
public sealed record AuditBreak(AuditBreakKind Kind, long Seq)
{
    public string KindName => Kind switch
    {
        AuditBreakKind.HashMismatch => "hash_mismatch",
        AuditBreakKind.LinkMismatch => "link_mismatch",
        AuditBreakKind.Gap => "gap",
        AuditBreakKind.Order => "order",
        AuditBreakKind.Truncated => "truncated",
        _ => "bad_signature",
    };

    /// <summary>The verifier's output line.</summary>
    public override string ToString() => $"audit broken: {KindName} at record {Seq}";
}
