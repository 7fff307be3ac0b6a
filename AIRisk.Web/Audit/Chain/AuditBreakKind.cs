namespace AIRisk.Web.Audit.Chain;

/// <summary>What the verifier found wrong at a record (its output names them in snake case: <c>hash_mismatch</c>, …).</summary>
public enum AuditBreakKind
{
    /// <summary>The record's hash is not SHA-256 of its predecessor's hash and its own fields (a field was changed), or a checkpoint names another hash for it.</summary>
    HashMismatch,

    /// <summary>The record does not name its predecessor's hash (a record was put in or taken out before it, and the chain re-hashed).</summary>
    LinkMismatch,

    /// <summary>Records are missing from here on (deleted from the middle, or from the start without a sealed checkpoint).</summary>
    Gap,

    /// <summary>The record's time is before its predecessor's, or its number repeats one (records swapped or inserted).</summary>
    Order,

    /// <summary>A checkpoint names records that are no longer there (the newest were deleted).</summary>
    Truncated,

    /// <summary>A checkpoint's signature does not verify with the configured public key.</summary>
    BadSignature,
}
