namespace AIRisk.Core.Api;

/// <summary>
/// A person on the AIRisk platform (an ApplicationUser), read leniently from ListUsers.
/// <see cref="Details"/> keeps the fields this client does not map, for a details view.
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

    /// <summary>A placeholder for a user known only by id (single-user mode before the list has loaded).</summary>
    public static AIRiskUser FromId(string id) => new(id, id);
}
