using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace AIRisk.Sandbox;

/// <summary>
/// A sandbox running in this process on a free loopback port: the dashboard's embedded default and the tests'
/// AIRisk instance.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private int _disposed;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        State = app.Services.GetRequiredService<SandboxState>();
    }

    /// <summary>Where the API answers, ending in <c>/</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public SandboxState State { get; }

    public SandboxOptions Options => State.Options;

    /// <summary>
    /// The settings that point a console at this sandbox, under the flat keys an operator's <c>.env</c> uses: its
    /// address, the demo APIUser's credentials and the first redirect URI it allows. Named here rather than taken
    /// from AIRisk.Core, which the sandbox does not reference; a test checks they are the keys the console reads.
    /// </summary>
    public Dictionary<string, string?> ClientSettings() => new()
    {
        ["AIRISK_BASE_URL"] = BaseAddress.ToString(),
        ["CLIENT_ID"] = Options.ClientId,
        ["CLIENT_SECRET"] = Options.ClientSecret,
        ["REDIRECT_URI"] = Options.RedirectUris.FirstOrDefault(),
    };

    /// <summary>
    /// The settings that point a console's ticket system at this sandbox's Zendesk (or Jira) with its demo API account,
    /// under the flat keys an operator's <c>.env</c> uses (named here for the same reason as <see cref="ClientSettings"/>).
    /// </summary>
    /// <param name="system"><c>zendesk</c> or <c>jira</c>.</param>
    public Dictionary<string, string?> TicketSettings(string system = "zendesk")
    {
        var prefix = system.ToUpperInvariant() switch
        {
            "ZENDESK" => "ZENDESK",
            "JIRA" => "JIRA",
            _ => throw new ArgumentOutOfRangeException(nameof(system), system, "Expected zendesk or jira."),
        };
        return new()
        {
            ["TICKET_SYSTEM"] = prefix.ToLowerInvariant(),
            [$"{prefix}_URL"] = BaseAddress.ToString(),
            [$"{prefix}_EMAIL"] = Options.TicketEmail,
            [$"{prefix}_API_TOKEN"] = Options.TicketApiToken,
        };
    }

    /// <param name="timeProvider">The clock for code and token expiry and latency; the system clock when null.</param>
    public static async Task<SandboxHost> StartAsync(Action<SandboxOptions>? configure = null, TimeProvider? timeProvider = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // An embedded sandbox must not pick up its host app's appsettings.json, ASPNETCORE_URLS or Kestrel endpoints.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        if (timeProvider is not null)
            builder.Services.AddSingleton(timeProvider);
        builder.Services.AddAIRiskSandbox(configure);

        var app = builder.Build();
        var started = false;
        try
        {
            app.MapAIRiskSandbox();
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            var host = new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
            started = true;
            return host;
        }
        finally
        {
            if (!started)
                await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
