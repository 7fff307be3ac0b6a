using System.Security.Claims;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// The staff member using the dashboard. Never changes while they act as someone: acting is a separate object per
/// circuit, not a swap of this sign-in.
/// </summary>
public sealed record StaffMember(string Id, string Name, IReadOnlySet<string> Roles, bool IsLocal)
{
    /// <summary>Where identity providers put roles or groups.</summary>
    public static IReadOnlyList<string> RoleClaimTypes { get; } = [ClaimTypes.Role, "role", "roles", "groups"];

    /// <summary>Without staff sign-in: whoever runs the app on this machine (and so holds the client secret anyway).</summary>
    public static StaffMember LocalOperator { get; } =
        new($"local:{Environment.UserName}", $"{Environment.UserName} (local operator)", new HashSet<string>(StringComparer.OrdinalIgnoreCase), IsLocal: true);

    /// <summary>Before a configured sign-in has been read: no roles, so nothing is allowed.</summary>
    public static StaffMember Nobody { get; } = new("anonymous", "not signed in", new HashSet<string>(StringComparer.OrdinalIgnoreCase), IsLocal: false);

    /// <summary>The staff member's email from the sign-in (<c>email</c> claim), matched against a ticket's assignee; <c>null</c> when the identity provider sent none.</summary>
    public string? Email { get; init; }

    public bool HasRole(string? role) => IsLocal || (role is not null && Roles.Contains(role));

    public static StaffMember FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.Identity?.Name ?? "unknown";
        var name = principal.FindFirstValue("name") ?? principal.Identity?.Name ?? principal.FindFirstValue("preferred_username") ?? id;
        var roles = principal.Claims.Where(c => RoleClaimTypes.Contains(c.Type)).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new StaffMember(id, name, roles, IsLocal: false) { Email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email) };
    }
}
