namespace AIRisk.Tests.TestSupport;

/// <summary>Browser mode with <c>USER_ID</c> set: single-user mode whose sign-ins need clicks.</summary>
public sealed class BrowserSingleUserAppFixture : BrowserModeAppFixture
{
    public AIRisk.Sandbox.Data.SandboxUser User => Sandbox.State.Data.Users.First(u => u.Role == "User");

    protected override void Configure(Dictionary<string, string?> environment)
    {
        base.Configure(environment);
        environment["USER_ID"] = User.Id;
    }
}
