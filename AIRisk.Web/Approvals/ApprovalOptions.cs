namespace AIRisk.Web.Approvals;

/// <summary>Who approves the exceptions, and for how long requests and approvals last. Bound from <see cref="ApprovalKeys"/>.</summary>
public sealed class ApprovalOptions
{
    /// <summary>The staff role that approves; <c>null</c>: no approvals, the exceptions are refused as before.</summary>
    public string? ApproverRole { get; set; }

    /// <summary>How long a request waits for a decision before it expires.</summary>
    public TimeSpan RequestLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an approval lets its requester act as its one target.</summary>
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>How long a request stays unanswered before its requester may proceed alone; <c>null</c>: never.</summary>
    public TimeSpan? BreakGlassAfter { get; set; }

    public bool IsEnabled => ApproverRole is not null;

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
