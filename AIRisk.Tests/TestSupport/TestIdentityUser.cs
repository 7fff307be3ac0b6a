namespace AIRisk.Tests.TestSupport;

/// <summary>Who <see cref="TestIdentityProvider"/> signs in: an OpenID Connect subject, display name and roles.</summary>
public sealed record TestIdentityUser(string Subject, string Name, IReadOnlyList<string> Roles);
