using AIRisk.Core.Api;

namespace AIRisk.Web.Users;

/// <summary>One page of the users table, with how many users match in all and how many there are.</summary>
public sealed record UserPage(IReadOnlyList<AIRiskUser> Items, int Matching, int Total);
