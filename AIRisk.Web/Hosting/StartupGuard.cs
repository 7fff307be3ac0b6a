using AIRisk.Core.Configuration;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.KeyRing;
using AIRisk.Web.Audit.Streaming;
using AIRisk.Web.Cluster;
using AIRisk.Web.Hosting.Telemetry;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Hosting;

/// <summary>
/// Checks the configuration before the host starts, turning a bad <c>.env</c> into one clear message and an exit
/// code instead of a logged stack trace; and, without staff sign-in, refuses any address but loopback and any
/// setting of a shared deployment (<see cref="LocalModeGuard"/>).
/// </summary>
internal static class StartupGuard
{
    public const int ConfigurationErrorExitCode = 2;
    /// <summary>Without staff sign-in: an address that is not loopback, or a proxy's or a cluster's setting.</summary>
    public const int NotLoopbackExitCode = 3;

    public static async Task<int> RunAsync(WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<StaffSignInOptions>();
        // Before the other checks: without sign-in these keys' own problems (Redis without PostgreSQL, say) are moot,
        // and fixing them would only lead to this refusal.
        if (!signIn.IsConfigured && LocalModeGuard.SharedDeploymentKeysSet(app.Configuration) is { Count: > 0 } shared)
        {
            await Console.Error.WriteLineAsync(LocalModeGuard.Describe(shared));
            return NotLoopbackExitCode;
        }

        var problems = ConfigurationProblems(app.Services);
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync(Describe(problems));
            return ConfigurationErrorExitCode;
        }

        if (!signIn.IsConfigured && LoopbackGuard.NonLoopbackConfigured(app.Configuration) is { Count: > 0 } exposed)
        {
            await Console.Error.WriteLineAsync($"AIRisk Console refuses to listen on {string.Join(", ", exposed)}. {LoopbackGuard.Advice}");
            return NotLoopbackExitCode;
        }

        // Before the host starts: a node that cannot use the shared key ring must not take a request, nor make a ring of its own.
        if (app.Services.GetService<KeyRingProof>() is { } keyRing)
        {
            // The ring's table must exist first (the initializer would do this at start; twice is a no-op).
            await app.Services.GetRequiredService<AuditTrail>().EnsureReadyAsync(app.Lifetime.ApplicationStopping);
            if (keyRing.Problem() is { } unusable)
            {
                await Console.Error.WriteLineAsync($"AIRisk Console cannot start: {unusable}");
                return ConfigurationErrorExitCode;
            }
        }

        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!signIn.IsConfigured && bound.FirstOrDefault(a => !LoopbackGuard.IsLoopback(a)) is { } address)
        {
            await Console.Error.WriteLineAsync($"AIRisk Console refuses to listen on {address}. {LoopbackGuard.Advice}");
            await app.StopAsync();
            return NotLoopbackExitCode;
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>
    /// What every concern's validator finds, in one list: AIRisk's connection first, then each options class the app
    /// registers with <c>AddFlatOptions</c>.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationProblems(IServiceProvider services)
    {
        List<string> problems =
        [
            .. Failures<AIRiskOptions>(services),
            .. Failures<StaffSignInOptions>(services),
            .. Failures<ConsolePolicyOptions>(services),
            .. Failures<DetectionOptions>(services),
            .. Failures<AuditOptions>(services),
            .. Failures<AIRisk.Web.Audit.Checkpoints.AuditChainOptions>(services),
            .. Failures<AuditStreamOptions>(services),
            .. Failures<ClusterOptions>(services),
            .. Failures<TelemetryOptions>(services),
        ];
        // Options validated on start but missing above would otherwise fail in StartAsync, with a stack trace.
        if (problems.Count == 0)
            problems.AddRange(Failures(() => services.GetService<IStartupValidator>()?.Validate()));
        return problems;
    }

    private static IReadOnlyList<string> Failures<TOptions>(IServiceProvider services)
        where TOptions : class =>
        Failures(() => _ = services.GetRequiredService<IOptions<TOptions>>().Value);

    private static IReadOnlyList<string> Failures(Action validate)
    {
        try
        {
            validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            return [.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)];
        }
    }

    public static string Describe(IEnumerable<string> problems) =>
        "AIRisk Console cannot start: its configuration is incomplete." + Environment.NewLine
        + string.Concat(problems.Select(f => $"  - {f}{Environment.NewLine}"))
        + "Set these keys in .env (see .env.example) or in the environment, or unset AIRISK_BASE_URL to use the embedded sandbox.";
}
