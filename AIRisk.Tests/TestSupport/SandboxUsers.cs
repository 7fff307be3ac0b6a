using AIRisk.Core.Api;
using AIRisk.Sandbox;

namespace AIRisk.Tests.TestSupport;

/// <summary>Picks seeded sandbox users as the Core model, by index, so tests read as "user 3".</summary>
internal static class SandboxUsers
{
    public static AIRiskUser User(this SandboxHost sandbox, int index)
    {
        var user = sandbox.State.Data.Users[index];
        return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role);
    }
}
