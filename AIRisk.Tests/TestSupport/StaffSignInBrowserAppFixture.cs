using AIRisk.TestSupport;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The browser tests' app with staff signing in through a <see cref="TestIdentityProvider"/>, revalidated every
/// couple of seconds (instead of five minutes) so a withdrawn role or a sign-out elsewhere shows within a test. Its
/// access tokens are short-lived, so the sign-in is renewed with its refresh token every few checks.
/// </summary>
public sealed class StaffSignInBrowserAppFixture : BrowserAppFixture
{
    public static readonly TimeSpan RevalidateInterval = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(6);

    public static readonly TestIdentityUser Staff = new("staff-7", "Robin Reviewer", [StaffSignInFixture.RequiredRole, StaffSignInFixture.AuditorRole]);

    public TestIdentityProvider Provider { get; private set; } = default!;

    protected override async ValueTask ConfigureAsync(Uri appAddress, Dictionary<string, string?> environment)
    {
        var client = TestOidcClient.For(appAddress);
        Provider = await TestIdentityProvider.StartAsync(client, AccessTokenLifetime);
        Provider.User = Staff;
        foreach (var (key, value) in StaffSignInFixture.Environment(Provider.BaseAddress, client))
            environment[key] = value;
        environment[AIRisk.Web.StaffSignIn.StaffSignInOptions.RevalidateMinutesKey] =
            RevalidateInterval.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider is not null)
            await Provider.DisposeAsync();
    }
}
