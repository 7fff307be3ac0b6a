using AIRisk.Core.Configuration;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// Reads the <c>OPERATOR_*</c> sign-in keys of <see cref="StaffSignInOptions"/>; a malformed value is recorded for
/// <see cref="StaffSignInOptionsValidator"/> to report with every other one.
/// </summary>
internal static class StaffSignInOptionsBinder
{
    /// <summary>A year: a longer sign-in is no limit at all.</summary>
    private const double MaxHours = 365 * 24;

    /// <summary>A day: a sign-in is asked about at least that often (and the framework's wait cannot be unbounded).</summary>
    private const double MaxRevalidateMinutes = 24 * 60;

    public static void Bind(IConfiguration configuration, bool isDevelopment, StaffSignInOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        options.Authority = values.Text(StaffSignInOptions.AuthorityKey);
        options.ClientId = values.Text(StaffSignInOptions.ClientIdKey);
        // Used exactly as given, as the identity provider issued it.
        options.ClientSecret = configuration[StaffSignInOptions.ClientSecretKey];
        options.RequiredRole = values.Text(StaffSignInOptions.RoleKey);
        options.AbsoluteLifetime = values.Hours(StaffSignInOptions.MaxHoursKey, options.AbsoluteLifetime, MaxHours);
        options.RevalidateInterval = values.Minutes(StaffSignInOptions.RevalidateMinutesKey, options.RevalidateInterval, MaxRevalidateMinutes);
        options.RequireSecureCookie = !isDevelopment;
        options.PublicHosts = Hosts(configuration[StaffSignInOptions.PublicHostsKey], options.BindingErrors);
    }

    private static List<string> Hosts(string? value, List<string> errors)
    {
        var hosts = (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var host in hosts.Where(h => !PublicHostFilter.IsHost(h)))
        {
            errors.Add($"{StaffSignInOptions.PublicHostsKey} must list host names such as console.example.com, without scheme or port " +
                $"('*.example.com' for every subdomain; '*' is not accepted) (got '{host}').");
        }

        return hosts;
    }
}
