namespace AIRisk.Web.Acting.Components;

/// <summary>Says how long a token has left, as staff read it at a glance.</summary>
public static class TokenCountdown
{
    public static string Describe(TimeSpan remaining) => remaining switch
    {
        { TotalSeconds: <= 0 } => "token expired, renews on next use",
        { TotalHours: >= 1 } => $"token valid {(int)remaining.TotalHours} h {remaining.Minutes:00} min",
        { TotalMinutes: >= 1 } => $"token valid {remaining.Minutes} min {remaining.Seconds:00} s",
        _ => $"token valid {remaining.Seconds} s",
    };

    public static string DescribeSession((TimeSpan Left, AIRisk.Web.Acting.Policy.SessionLimit Limit) remaining)
    {
        var left = remaining.Left < TimeSpan.Zero ? TimeSpan.Zero : remaining.Left;
        var clock = left.TotalHours >= 1 ? $"{(int)left.TotalHours}:{left.Minutes:00}:{left.Seconds:00}" : $"{left.Minutes}:{left.Seconds:00}";
        return remaining.Limit == AIRisk.Web.Acting.Policy.SessionLimit.Idle ? $"session ends in {clock} if idle" : $"session ends in {clock}";
    }
}
