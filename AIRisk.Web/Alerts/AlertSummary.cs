namespace AIRisk.Web.Alerts;

/// <summary>What the app bar's badge shows: how many alerts nobody has triaged, and the newest alert's place in the trail.</summary>
public sealed record AlertSummary(int New, long NewestSeq)
{
    public static AlertSummary None { get; } = new(0, 0);
}
