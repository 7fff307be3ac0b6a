namespace AIRisk.Web.StaffSignIn;

/// <summary>OpenID Connect sign-in of staff against the company's identity provider. Unset: a single local operator.</summary>
public sealed class StaffSignInOptions
{
    public const string AuthorityKey = "OPERATOR_OIDC_AUTHORITY";
    public const string ClientIdKey = "OPERATOR_OIDC_CLIENT_ID";
    public const string ClientSecretKey = "OPERATOR_OIDC_CLIENT_SECRET";
    public const string RoleKey = "OPERATOR_ROLE";
    public const string MaxHoursKey = "OPERATOR_SIGNIN_MAX_HOURS";
    public const string RevalidateMinutesKey = "OPERATOR_REVALIDATE_MINUTES";
    public const string PublicHostsKey = "PUBLIC_HOSTS";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The role or group every staff member needs to use the dashboard at all.</summary>
    public string? RequiredRole { get; set; }

    /// <summary>A staff sign-in ends this long after it began, however active (sliding renewal stops there).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How often an open tab asks the identity provider again whether its staff member still holds the role.</summary>
    public TimeSpan RevalidateInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The host names staff reach the console by; with sign-in every other <c>Host</c> is refused (400).</summary>
    public IReadOnlyList<string> PublicHosts { get; set; } = [];

    /// <summary>Outside Development the staff cookie is sent over HTTPS only (behind a TLS-terminating proxy too).</summary>
    public bool RequireSecureCookie { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
