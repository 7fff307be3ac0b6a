using AIRisk.TestSupport;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Approvals;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The browser tests' app with staff signing in through a <see cref="TestIdentityProvider"/>, Company Admins protected
/// (<c>OPERATOR_ADMIN_ROLE</c>) and approvals on (<c>OPERATOR_APPROVER_ROLE</c>): a requester with the console's role
/// alone, and an approver who holds the approver role too. Each browser context signs in whoever the provider's
/// <see cref="TestIdentityProvider.User"/> is when it first opens the console.
/// </summary>
public sealed class ApprovalsBrowserAppFixture : BrowserAppFixture
{
    public const string ApproverRole = "airisk-approvers";

    // The apps of a test run share one audit trail: an approval from an earlier run would still stand for the same
    // staff member and target, and the act-as would go on without asking.
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];

    public static readonly TestIdentityUser Requester = new($"staff-a-{Run}", "Ann Asker", [StaffSignInFixture.RequiredRole]);

    public static readonly TestIdentityUser Approver = new($"staff-b-{Run}", "Ben Approver", [StaffSignInFixture.RequiredRole, ApproverRole]);

    public TestIdentityProvider Provider { get; private set; } = default!;

    protected override async ValueTask ConfigureAsync(Uri appAddress, Dictionary<string, string?> environment)
    {
        var client = TestOidcClient.For(appAddress);
        Provider = await TestIdentityProvider.StartAsync(client);
        foreach (var (key, value) in StaffSignInFixture.Environment(Provider.BaseAddress, client))
            environment[key] = value;
        environment[ConsolePolicyKeys.AdminRole] = "airisk-admins";
        environment[ApprovalKeys.ApproverRole] = ApproverRole;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
            await Provider.DisposeAsync();
    }
}
