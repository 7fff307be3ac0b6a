namespace AIRisk.Web.Audit.Streaming;

/// <summary>A destination did not take a batch (refused, unreachable, closed, untrusted, too slow); it is sent again later.</summary>
/// <param name="takenThroughSeq">
/// The sequence of the last item the destination did take before it failed, when it took items one by one (a webhook
/// POST each): the cursor moves past them, so a retry does not deliver them a second time.
/// </param>
public sealed class AuditStreamUnavailableException(string message, Exception? inner = null, long? takenThroughSeq = null) : Exception(message, inner)
{
    public long? TakenThroughSeq { get; } = takenThroughSeq;
}
