namespace AIRisk.Web.Acting.Policy;

/// <summary>Who may act as whom, and for how long. Bound from the environment keys in <see cref="ConsolePolicyKeys"/>.</summary>
public sealed class ConsolePolicyOptions
{
    /// <summary>Ask staff why before each switch.</summary>
    public bool RequireReason { get; set; }

    /// <summary>Allow writes as the user (new conversation, ask agent, feedback, file) at all.</summary>
    public bool AllowWrites { get; set; } = true;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan MaxSession { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a closed tab's acting session waits for a reload of that tab to take it up before it ends (cause: tab
    /// closed). A reload closes the old page's circuit at once, so this cannot be zero.
    /// </summary>
    public TimeSpan TabClosedGrace { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The staff role needed to act as a user with <see cref="ProtectedTargetRole"/>.</summary>
    public string? AdminRole { get; set; }

    /// <summary>Targets with this AIRisk role need <see cref="AdminRole"/>.</summary>
    public string ProtectedTargetRole { get; set; } = "Company Admin";

    /// <summary>Whether a target whose role cannot be read may be acted as without the admin role (default: no).</summary>
    public bool AllowUnknownTargetRole { get; set; }


    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
