namespace AIRisk.Web.Services.Security;

/// <summary>OpenID Connect sign-in of staff against the company's identity provider. Unset: a single local operator.</summary>
public sealed class StaffSignInOptions
{
    public const string AuthorityKey = "OPERATOR_OIDC_AUTHORITY";
    public const string ClientIdKey = "OPERATOR_OIDC_CLIENT_ID";
    public const string ClientSecretKey = "OPERATOR_OIDC_CLIENT_SECRET";
    public const string RoleKey = "OPERATOR_ROLE";

    public string? Authority { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>The role or group every staff member needs to use the dashboard at all.</summary>
    public string? RequiredRole { get; init; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    public static StaffSignInOptions From(IConfiguration configuration) => new()
    {
        Authority = configuration[AuthorityKey]?.Trim(),
        ClientId = configuration[ClientIdKey]?.Trim(),
        ClientSecret = configuration[ClientSecretKey],
        RequiredRole = configuration[RoleKey]?.Trim(),
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
