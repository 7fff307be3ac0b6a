using System.Globalization;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Policy;

/// <summary>Reads <see cref="ConsolePolicyKeys"/>; a malformed value is a start-up error naming the key.</summary>
internal static class ConsolePolicyBinder
{
    public static void Bind(IConfiguration configuration, ConsolePolicyOptions options)
    {
        options.RequireReason = Bool(configuration, ConsolePolicyKeys.RequireReason, options.RequireReason);
        options.AllowWrites = Bool(configuration, ConsolePolicyKeys.AllowWrites, options.AllowWrites);
        options.IdleTimeout = Minutes(configuration, ConsolePolicyKeys.IdleMinutes, options.IdleTimeout);
        options.MaxSession = Minutes(configuration, ConsolePolicyKeys.MaxSessionMinutes, options.MaxSession);
        options.TabClosedGrace = Minutes(configuration, ConsolePolicyKeys.TabClosedGraceMinutes, options.TabClosedGrace);
        options.AdminRole = configuration[ConsolePolicyKeys.AdminRole] is { Length: > 0 } role ? role.Trim() : options.AdminRole;
        options.AllowUnknownTargetRole = configuration[ConsolePolicyKeys.ProtectedTargetUnknown] is { Length: > 0 } unknown
            ? unknown.Trim().ToLowerInvariant() switch
            {
                "allow" => true,
                "protect" => false,
                _ => throw new OptionsValidationException(ConsolePolicyKeys.ProtectedTargetUnknown, typeof(ConsolePolicyOptions), [$"{ConsolePolicyKeys.ProtectedTargetUnknown} must be 'allow' or 'protect' (got '{unknown}')."]),
            }
            : options.AllowUnknownTargetRole;
        options.AuditorRole = configuration[ConsolePolicyKeys.AuditorRole] is { Length: > 0 } auditor ? auditor.Trim() : options.AuditorRole;
        options.ProtectedTargetRole = configuration[ConsolePolicyKeys.ProtectedTargetRole] is { Length: > 0 } target ? target.Trim() : options.ProtectedTargetRole;
    }

    private static bool Bool(IConfiguration configuration, string key, bool fallback) =>
        configuration[key] is not { Length: > 0 } text ? fallback
        : bool.TryParse(text, out var value) ? value
        : throw new OptionsValidationException(key, typeof(ConsolePolicyOptions), [$"{key} must be 'true' or 'false' (got '{text}')."]);

    private static TimeSpan Minutes(IConfiguration configuration, string key, TimeSpan fallback) =>
        configuration[key] is not { Length: > 0 } text ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0 && minutes <= 24 * 60 ? TimeSpan.FromMinutes(minutes)
        : throw new OptionsValidationException(key, typeof(ConsolePolicyOptions), [$"{key} must be a number of minutes from 0 to 1440 (got '{text}')."]);
}
