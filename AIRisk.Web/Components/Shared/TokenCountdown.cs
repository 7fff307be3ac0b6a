namespace AIRisk.Web.Components.Shared;

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
}
