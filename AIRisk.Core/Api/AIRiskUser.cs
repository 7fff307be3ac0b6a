namespace AIRisk.Core.Api;

/// <summary>
/// A person on the AIRisk platform (an ApplicationUser), read leniently from ListUsers.
/// <see cref="Details"/> keeps, as sent, the naming fields (which <see cref="DisplayName"/> is built from) and the
/// fields this client does not map, for a details view.
/// </summary>
public sealed record AIRiskUser(
    string Id,
    string DisplayName,
    string? Email = null,
    string? Role = null,
    string? Company = null,
    string? CompanyId = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>Every role ListUsers sent (a <c>roles</c> array may hold several); <see cref="Role"/> is the first.</summary>
    public IReadOnlyList<string> Roles { get; init; } = Role is null ? [] : [Role];

    /// <summary>A placeholder for a user known only by id (single-user mode before the list has loaded).</summary>
    public static AIRiskUser FromId(string id) => new(id, id);
}
