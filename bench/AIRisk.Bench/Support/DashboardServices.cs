using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.TestSupport;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Users;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Bench.Support;

/// <summary>
/// The dashboard's services (<see cref="HostlessDashboard"/>: what the app registers for its components) without Kestrel or a browser.
/// Each <see cref="NewCircuit"/> is a DI scope, as a Blazor circuit is: its own TokenState, ActingService and API
/// clients over the process-wide token cache and user directory.
/// </summary>
public sealed class DashboardServices : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public DashboardServices(BenchSandbox sandbox)
        : this(sandbox.CoreSettings())
    {
    }

    /// <param name="settings">A node's flat keys (AIRisk's, and <c>POSTGRES_CONNECTION</c>, <c>REDIS_CONNECTION</c>, ...
    /// for a node of a cluster); without <c>POSTGRES_CONNECTION</c> the audit trail is SQLite in a scratch folder.</param>
    public DashboardServices(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddHostlessDashboard(configuration, BenchDashboard.NewDataDirectory())
            .AddBenchStandIns();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public Circuit NewCircuit() => new(_services.CreateAsyncScope());

    /// <summary>Starts what the host would: the audit stream's outbox, the alert feed, the checkpoint sealer.</summary>
    public async Task StartBackgroundAsync(CancellationToken ct)
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
            await hosted.StartAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
            await hosted.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    /// <summary>One simulated circuit.</summary>
    public sealed class Circuit(AsyncServiceScope scope) : IAsyncDisposable
    {
        public ActingSwitch Acting => scope.ServiceProvider.GetRequiredService<ActingSwitch>();

        public SessionEnder Ender => scope.ServiceProvider.GetRequiredService<SessionEnder>();

        /// <summary>What staff were last told (why a switch failed).</summary>
        public string? LastError => scope.ServiceProvider.GetRequiredService<ActingStatus>().Notice?.Message;

        public TokenState Tokens => scope.ServiceProvider.GetRequiredService<TokenState>();

        /// <summary>Who the circuit's staff member is (the local operator unless a figure makes it someone).</summary>
        public StaffContext Staff => scope.ServiceProvider.GetRequiredService<StaffContext>();

        public AIRiskChatClient Chat => scope.ServiceProvider.GetRequiredService<AIRiskChatClient>();

        /// <summary>What showing the users page does first: the generic token and the shared user list.</summary>
        public Task WarmUpAsync(CancellationToken ct) => scope.ServiceProvider.GetRequiredService<UserDirectoryLoader>().GetAsync(refresh: false, ct);

        /// <summary>Every user of the instance, as the users list shows them.</summary>
        public async Task<IReadOnlyList<AIRiskUser>> UsersAsync(CancellationToken ct) =>
            (await scope.ServiceProvider.GetRequiredService<UserDirectoryLoader>().GetAsync(refresh: false, ct)).Users;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
