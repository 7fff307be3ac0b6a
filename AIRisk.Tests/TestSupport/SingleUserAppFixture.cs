using AIRisk.Sandbox.Data;

namespace AIRisk.Tests.TestSupport;

/// <summary>The app in single-user mode: <c>USER_ID</c> names a seeded sandbox user.</summary>
public sealed class SingleUserAppFixture : BrowserAppFixture
{
    public SandboxUser User => Sandbox.State.Data.Users[7];

    protected override void Configure(Dictionary<string, string?> environment) => environment["USER_ID"] = User.Id;
}
