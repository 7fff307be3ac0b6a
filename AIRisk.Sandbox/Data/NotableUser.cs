namespace AIRisk.Sandbox.Data;

/// <summary>A hand-written user at a fixed index, for the cases a UI must get right (accents, scripts, markup).</summary>
internal sealed record NotableUser(
    string? FirstName,
    string? LastName,
    string? DisplayName,
    string Slug,
    int CompanyIndex,
    string Role,
    UserNaming Naming);
