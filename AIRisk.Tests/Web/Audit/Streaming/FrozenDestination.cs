using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>A node that froze mid-send: it takes a batch and never answers, so it stops renewing its lease.</summary>
internal sealed class FrozenDestination : IAuditStreamDestination
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "syslog";

    public async Task SendAsync(IReadOnlyList<AuditStreamItem> items, CancellationToken ct)
    {
        Entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, ct);
    }
}
