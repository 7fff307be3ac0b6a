using AIRisk.Web.Audit.Checkpoints;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// Checks the chain one record at a time, in sequence order, so a million records need no more memory than one: each
/// record's hash against its fields and predecessor, its link, its number and its time; each authentic checkpoint
/// against the record it names. Records before the first one present must be vouched for by an authentic checkpoint
/// just before it (retention's seal), else they are a gap. A checkpoint past the last record means the newest records
/// were deleted. Checkpoints whose signature failed are passed in as <paramref name="forged"/> and reported.
/// </summary>
internal sealed class AuditChainVerifier(IEnumerable<AuditCheckpoint> authentic, IEnumerable<AuditCheckpoint> forged)
{
    private readonly Dictionary<long, AuditCheckpoint> _checkpoints = authentic.GroupBy(c => c.Seq).ToDictionary(g => g.Key, g => g.First());
    private readonly List<AuditBreak> _breaks = [.. forged.Select(c => new AuditBreak(AuditBreakKind.BadSignature, c.Seq))];
    private long _records;
    private long _lastCheckpoint;
    private long _nextSeq;
    private string? _previousHash;
    private long _previousAt;

    /// <summary>Starts after a record already verified (or sealed): <paramref name="seq"/> with <paramref name="hash"/> at <paramref name="atUtcTicks"/>.</summary>
    public void StartAfter(long seq, string hash, long atUtcTicks)
    {
        _nextSeq = seq + 1;
        _previousHash = hash;
        _previousAt = atUtcTicks;
        if (_checkpoints.ContainsKey(seq))
            _lastCheckpoint = seq;
    }

    public void Add(AuditRow row)
    {
        _records++;
        if (_nextSeq == 0)
            StartAt(row);

        if (row.Seq < _nextSeq)
        {
            _breaks.Add(new AuditBreak(AuditBreakKind.Order, row.Seq));
            return;
        }

        var contiguous = row.Seq == _nextSeq;
        if (!contiguous)
            _breaks.Add(new AuditBreak(AuditBreakKind.Gap, _nextSeq));
        if (row.AtUtcTicks < _previousAt)
            _breaks.Add(new AuditBreak(AuditBreakKind.Order, row.Seq));
        else if (row.Hash is null || row.PrevHash is null || AuditChainEncoding.Hash(row.PrevHash, row) != row.Hash)
            _breaks.Add(new AuditBreak(AuditBreakKind.HashMismatch, row.Seq));
        else if (contiguous && row.PrevHash != _previousHash)
            _breaks.Add(new AuditBreak(AuditBreakKind.LinkMismatch, row.Seq));

        if (_checkpoints.TryGetValue(row.Seq, out var checkpoint))
        {
            if (checkpoint.Hash == row.Hash)
                _lastCheckpoint = row.Seq;
            else if (_breaks.Count == 0 || _breaks[^1].Seq != row.Seq)
                _breaks.Add(new AuditBreak(AuditBreakKind.HashMismatch, row.Seq));
        }

        _nextSeq = row.Seq + 1;
        _previousHash = row.Hash;
        _previousAt = row.AtUtcTicks;
    }

    public AuditVerification Finish()
    {
        var last = _nextSeq == 0 ? 0 : _nextSeq - 1;
        if (_checkpoints.Keys.Where(seq => seq > last).Any())
            _breaks.Add(new AuditBreak(AuditBreakKind.Truncated, last + 1));
        return new AuditVerification(_records, _lastCheckpoint, [.. _breaks.OrderBy(b => b.Seq).ThenBy(b => b.Kind)], last, _previousHash ?? AuditChainEncoding.Genesis, _previousAt);
    }

    /// <summary>
    /// The first record present: record 1 follows the genesis hash; a later one, a sealed checkpoint just before it
    /// (retention's seal). Without one there, the records after the newest checkpoint before it are a gap.
    /// </summary>
    private void StartAt(AuditRow first)
    {
        var seal = _checkpoints.Values.Where(c => c.Seq < first.Seq).MaxBy(c => c.Seq);
        if (seal is not null)
            StartAfter(seal.Seq, seal.Hash, 0);
        else
            StartAfter(0, AuditChainEncoding.Genesis, 0);
    }
}
