namespace AIRisk.Web.Services.Security;

/// <summary>OpenID Connect sign-in of staff against the company's identity provider. Unset: a single local operator.</summary>
public sealed class StaffSignInOptions
{
    public const string AuthorityKey = "OPERATOR_OIDC_AUTHORITY";
    public const string ClientIdKey = "OPERATOR_OIDC_CLIENT_ID";
    public const string ClientSecretKey = "OPERATOR_OIDC_CLIENT_SECRET";
    public const string RoleKey = "OPERATOR_ROLE";
    public const string MaxHoursKey = "OPERATOR_SIGNIN_MAX_HOURS";
    public const string RevalidateMinutesKey = "OPERATOR_REVALIDATE_MINUTES";

    public string? Authority { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>The role or group every staff member needs to use the dashboard at all.</summary>
    public string? RequiredRole { get; init; }

    /// <summary>A staff sign-in ends this long after it began, however active (sliding renewal stops there).</summary>
    public TimeSpan AbsoluteLifetime { get; init; } = TimeSpan.FromHours(10);

    /// <summary>How often an open tab asks the identity provider again whether its staff member still holds the role.</summary>
    public TimeSpan RevalidateInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Outside Development the staff cookie is sent over HTTPS only (behind a TLS-terminating proxy too).</summary>
    public bool RequireSecureCookie { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public static StaffSignInOptions From(IConfiguration configuration, bool isDevelopment = true) => new()
    {
        Authority = configuration[AuthorityKey]?.Trim(),
        ClientId = configuration[ClientIdKey]?.Trim(),
        ClientSecret = configuration[ClientSecretKey],
        RequiredRole = configuration[RoleKey]?.Trim(),
        AbsoluteLifetime = double.TryParse(configuration[MaxHoursKey], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0
            ? TimeSpan.FromHours(hours)
            : TimeSpan.FromHours(10),
        // At most a day: a sign-in is asked about at least that often (and the framework's wait cannot be unbounded).
        RevalidateInterval = double.TryParse(configuration[RevalidateMinutesKey], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(Math.Min(minutes, 24 * 60))
            : TimeSpan.FromMinutes(5),
        RequireSecureCookie = !isDevelopment,
    };

    /// <returns>Every missing or malformed key; empty when sign-in is off or complete.</returns>
    public IReadOnlyList<string> Problems()
    {
        if (!IsConfigured)
            return [];
        List<string> problems = [];
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
            problems.Add($"{AuthorityKey} must be an absolute http(s) URL (got '{Authority}').");
        else if (authority.Scheme == "http" && !authority.IsLoopback)
            problems.Add($"{AuthorityKey} must use https (http is accepted only on loopback, for tests).");
        if (string.IsNullOrWhiteSpace(ClientId))
            problems.Add($"{ClientIdKey} is missing.");
        if (string.IsNullOrWhiteSpace(RequiredRole))
            problems.Add($"{RoleKey} is missing: name the role or group staff need to use the dashboard.");
        return problems;
    }
}
