using AIRisk.Core.Configuration;

namespace AIRisk.Web.Acting.Policy;

/// <summary>
/// Reads <see cref="ConsolePolicyKeys"/>; a malformed value is recorded for <see cref="ConsolePolicyOptionsValidator"/>
/// to report with every other one.
/// </summary>
internal static class ConsolePolicyBinder
{
    /// <summary>The most any of the policy's durations may be: a day.</summary>
    private const double MaxMinutes = 24 * 60;

    private static readonly Dictionary<string, bool> UnknownTargetRole = new() { ["allow"] = true, ["protect"] = false };

    public static void Bind(IConfiguration configuration, ConsolePolicyOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        options.RequireReason = values.Bool(ConsolePolicyKeys.RequireReason, options.RequireReason);
        options.AllowWrites = values.Bool(ConsolePolicyKeys.AllowWrites, options.AllowWrites);
        options.IdleTimeout = values.Minutes(ConsolePolicyKeys.IdleMinutes, options.IdleTimeout, MaxMinutes);
        options.MaxSession = values.Minutes(ConsolePolicyKeys.MaxSessionMinutes, options.MaxSession, MaxMinutes);
        options.TabClosedGrace = values.Minutes(ConsolePolicyKeys.TabClosedGraceMinutes, options.TabClosedGrace, MaxMinutes);
        options.AdminRole = values.Text(ConsolePolicyKeys.AdminRole) ?? options.AdminRole;
        options.AllowUnknownTargetRole = values.Choice(ConsolePolicyKeys.ProtectedTargetUnknown, options.AllowUnknownTargetRole, UnknownTargetRole);
        options.ProtectedTargetRole = values.Text(ConsolePolicyKeys.ProtectedTargetRole) ?? options.ProtectedTargetRole;
    }
}
