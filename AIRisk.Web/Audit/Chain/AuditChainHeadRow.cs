namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// The chain's one-row head (<c>audit_chain_head</c>, id 1): the last record's sequence, hash and time. Each append
/// reads and moves it in the appending transaction, so sequence numbers have no gap even when a write is rolled back
/// (a database sequence's <c>nextval</c> is not), follow commit order, and survive retention deleting old records.
/// </summary>
internal sealed class AuditChainHeadRow
{
    public const int TheId = 1;

    public int Id { get; set; } = TheId;

    public long Seq { get; set; }

    public string Hash { get; set; } = AuditChainEncoding.Genesis;

    public long AtUtcTicks { get; set; }
}
