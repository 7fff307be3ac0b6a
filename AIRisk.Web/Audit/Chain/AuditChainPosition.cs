namespace AIRisk.Web.Audit.Chain;

/// <summary>A verified place in the chain: record <see cref="Seq"/>, its hash and time; verification can resume after it.</summary>
internal sealed record AuditChainPosition(long Seq, string Hash, long AtUtcTicks);
