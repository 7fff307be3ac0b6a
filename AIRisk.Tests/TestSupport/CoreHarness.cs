using AIRisk.Core.Auth;
using AIRisk.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// AIRisk.Core wired as the dashboard wires it, against a real sandbox on a free loopback port.
/// Each <see cref="NewCircuit"/> is a DI scope, as a Blazor circuit is: its own TokenState, shared token cache.
/// </summary>
internal sealed class CoreHarness : IAsyncDisposable
{
    private CoreHarness(SandboxHost sandbox, ServiceProvider services)
    {
        Sandbox = sandbox;
        Services = services;
    }

    public SandboxHost Sandbox { get; }

    public ServiceProvider Services { get; }

    public SandboxState State => Sandbox.State;

    /// <param name="sandbox">Sandbox settings.</param>
    /// <param name="settings">Extra or replaced environment keys for Core.</param>
    /// <param name="time">A fake clock shared by the sandbox and Core, for expiry tests.</param>
    /// <param name="logs">Where Core's log lines go, when a test reads them.</param>
    /// <param name="services">Replaces registrations after Core's (a different authorization flow, say).</param>
    public static async Task<CoreHarness> StartAsync(
        Action<SandboxOptions>? sandbox = null,
        Action<Dictionary<string, string?>>? settings = null,
        FakeTimeProvider? time = null,
        ILoggerProvider? logs = null,
        Action<IServiceCollection>? services = null)
    {
        var host = await SandboxHost.StartAsync(o =>
        {
            o.RedirectUris = [RedirectUri];
            o.StreamPieceDelay = TimeSpan.FromMilliseconds(5);
            sandbox?.Invoke(o);
        }, time);

        var values = host.ClientSettings();
        settings?.Invoke(values);

        var collection = new ServiceCollection();
        collection.AddLogging(b =>
        {
            if (logs is null)
                return;
            b.SetMinimumLevel(LogLevel.Trace);
            b.AddProvider(logs);
        });
        if (time is not null)
            collection.AddSingleton<TimeProvider>(time);
        collection.AddAIRiskCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services?.Invoke(collection);
        return new CoreHarness(host, collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    public const string RedirectUri = "https://console.example/callback";

    public Circuit NewCircuit() => new(Services.CreateAsyncScope());

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>One simulated circuit: a DI scope with its own TokenState and clients.</summary>
    public sealed class Circuit(AsyncServiceScope scope) : IAsyncDisposable
    {
        public TokenState Tokens => scope.ServiceProvider.GetRequiredService<TokenState>();

        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
