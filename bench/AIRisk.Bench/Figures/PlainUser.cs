namespace AIRisk.Bench.Figures;

/// <summary>The record a developer would first write for ListUsers: the sandbox's fields, as they are named.</summary>
public sealed record PlainUser(
    string Id,
    string? UserName,
    string? Email,
    string? FirstName,
    string? LastName,
    string? DisplayName,
    string? Role,
    string? CompanyId,
    string? Company,
    DateTimeOffset? LastLogin);
