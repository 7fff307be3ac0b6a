namespace AIRisk.Sandbox.Data;

/// <summary>
/// A seeded ApplicationUser. The nullable name fields are exactly what ListUsers sends (null = absent);
/// <see cref="DisplayName"/> is what a client should show after reading them.
/// </summary>
public sealed class SandboxUser
{
    /// <summary>Position in the seed: the same index gives the same user for the same seed, whatever the user count.</summary>
    public required int Index { get; init; }

    /// <summary>The <c>userid</c>, a lowercase GUID.</summary>
    public required string Id { get; init; }

    /// <summary>displayName when sent, else firstName + lastName, else userName, else email.</summary>
    public required string DisplayName { get; init; }

    public required UserNaming Naming { get; init; }

    public string? UserName { get; init; }

    public string? Email { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Company Admin, User, Monitor or Compliance.</summary>
    public required string Role { get; init; }

    public required string CompanyId { get; init; }

    public required string Company { get; init; }

    public required DateTimeOffset LastLogin { get; init; }

    internal Guid Key { get; init; }

    public override string ToString() => $"{DisplayName} ({Id})";
}
