using AIRisk.TestSupport;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// A <see cref="TestIdentityProvider"/> and the real AIRisk.Web signing staff in against it, shared by a test class.
/// The app's port is reserved first because the provider must know the app's redirect URIs.
/// </summary>
public class StaffSignInFixture : IAsyncLifetime
{
    public const string RequiredRole = "airisk-console";

    public const string AuditorRole = "airisk-auditor";

    public TestIdentityProvider Provider { get; private set; } = default!;

    public WebAppProcess App { get; private set; } = default!;

    public TestOidcClient Client { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var port = WebAppProcess.ReservePort();
        Client = TestOidcClient.For(new Uri($"http://127.0.0.1:{port}/"));
        Provider = await TestIdentityProvider.StartAsync(Client);
        var environment = Environment(Provider.BaseAddress, Client);
        Configure(environment);
        App = await WebAppProcess.StartAsync(environment, port);
    }

    /// <summary>Adds or changes the app's settings; the provider is already running.</summary>
    protected virtual void Configure(Dictionary<string, string?> environment)
    {
    }

    /// <summary>The settings an operator gives AIRisk Console to sign staff in against <paramref name="authority"/>.</summary>
    public static Dictionary<string, string?> Environment(Uri authority, TestOidcClient client) => new()
    {
        [StaffSignInOptions.AuthorityKey] = authority.ToString(),
        [StaffSignInOptions.ClientIdKey] = client.ClientId,
        [StaffSignInOptions.ClientSecretKey] = client.ClientSecret,
        [StaffSignInOptions.RoleKey] = RequiredRole,
        [AIRisk.Web.Audit.AuditOptions.AuditorRoleKey] = AuditorRole,
        [StaffSignInOptions.PublicHostsKey] = client.RedirectUri.Host,
    };

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
        if (Provider is not null)
            await Provider.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
