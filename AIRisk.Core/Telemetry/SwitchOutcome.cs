namespace AIRisk.Core.Telemetry;

/// <summary>How a switch ended, as metrics tag it.</summary>
public enum SwitchOutcome
{
    Succeeded,

    /// <summary>A newer click or a stop replaced it.</summary>
    Superseded,

    /// <summary>The policy refused the staff member this user.</summary>
    Refused,

    /// <summary>The audit trail could not record it, so it did not happen.</summary>
    Unaudited,

    /// <summary>AIRisk refused or failed, or an unexpected error.</summary>
    Failed,
}
