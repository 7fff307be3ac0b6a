using AIRisk.Core.Configuration;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>Reads the detection keys; every malformed value is kept for <see cref="DetectionOptionsValidator"/>.</summary>
internal static class DetectionOptionsBinder
{
    private const int MaxUsers = 100_000;

    public static void Bind(IConfiguration configuration, DetectionOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        options.FanOut = options.FanOut with
        {
            Users = values.WholeNumber(DetectionOptions.FanOutUsersKey, options.FanOut.Users, 1, MaxUsers),
            Window = values.Minutes(DetectionOptions.FanOutMinutesKey, options.FanOut.Window, 24 * 60),
        };
        options.FanOutLong = options.FanOutLong with
        {
            Users = values.WholeNumber(DetectionOptions.FanOutLongUsersKey, options.FanOutLong.Users, 1, MaxUsers),
            Window = values.Hours(DetectionOptions.FanOutLongHoursKey, options.FanOutLong.Window, 7 * 24),
        };
        options.RefuseFanOut = values.Bool(DetectionOptions.FanOutRefuseKey, options.RefuseFanOut);
        options.ReadVolume = values.WholeNumber(DetectionOptions.ReadVolumeKey, options.ReadVolume, 1, MaxUsers);
        options.ProbingRefusals = values.WholeNumber(DetectionOptions.ProbingRefusalsKey, options.ProbingRefusals, 1, 1_000);
        options.ProbingWindow = values.Minutes(DetectionOptions.ProbingMinutesKey, options.ProbingWindow, 24 * 60);
        options.AuditLag = values.Seconds(DetectionOptions.AuditLagSecondsKey, options.AuditLag, 86_400);

        if (values.Text(DetectionOptions.OperatorHoursKey) is { } hours)
        {
            options.OperatorHours = OperatorHours.Parse(hours, out var problem);
            if (problem is not null)
                options.BindingErrors.Add($"{DetectionOptions.OperatorHoursKey} {problem} (got '{hours}').");
        }

        if (values.Text(DetectionOptions.StaffEmailDomainsKey) is { } domains)
            options.StaffEmailDomains = StaffEmailDomains(domains, options.BindingErrors);

        if (options.FanOutLong.Window < options.FanOut.Window)
            options.BindingErrors.Add($"{DetectionOptions.FanOutLongHoursKey} must be a window at least as long as {DetectionOptions.FanOutMinutesKey}.");
    }

    /// <summary>Comma-separated domains (<c>example.com, corp.example.com</c>); a leading <c>@</c> is dropped.</summary>
    private static HashSet<string> StaffEmailDomains(string text, List<string> errors)
    {
        HashSet<string> domains = new(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = part.TrimStart('@').ToLowerInvariant();
            if (Uri.CheckHostName(domain) == UriHostNameType.Dns && domain.Contains('.', StringComparison.Ordinal))
                domains.Add(domain);
            else
                errors.Add($"{DetectionOptions.StaffEmailDomainsKey} must be email domains separated by commas, like 'example.com, example.org' (got '{part}').");
        }

        return domains;
    }
}
