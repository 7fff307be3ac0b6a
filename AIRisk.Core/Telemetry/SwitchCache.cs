namespace AIRisk.Core.Telemetry;

/// <summary>Where a switch's token came from.</summary>
public enum SwitchCache
{
    /// <summary>No token was obtained (the switch was refused, failed or superseded before).</summary>
    None,

    /// <summary>The token cache (this node's memory, or Redis when shared).</summary>
    Hit,

    /// <summary>An OAuth2 flow ran (or one already running was joined).</summary>
    Miss,
}
