namespace AIRisk.Web.StaffSignIn;

/// <summary>What the identity provider said of a staff member in one answer (userinfo, or a refreshed id token).</summary>
/// <param name="Subject">The <c>sub</c> it answered for.</param>
/// <param name="Roles">The roles or groups it listed; <c>null</c> when the answer has no role or group key at all.</param>
public sealed record StaffClaims(string Subject, IReadOnlySet<string>? Roles);
