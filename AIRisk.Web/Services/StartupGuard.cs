using AIRisk.Core.Configuration;
using AIRisk.Web.Services.Audit;
using AIRisk.Web.Services.Policy;
using AIRisk.Web.Services.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services;

/// <summary>
/// Checks the configuration before the host starts, turning a bad <c>.env</c> into one clear message and an exit
/// code instead of a logged stack trace; and, without staff sign-in, refuses any address but loopback.
/// </summary>
internal static class StartupGuard
{
    public const int ConfigurationErrorExitCode = 2;
    public const int NotLoopbackExitCode = 3;

    public static async Task<int> RunAsync(WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<StaffSignInOptions>();
        List<string> problems = [.. signIn.Problems()];
        try
        {
            _ = app.Services.GetRequiredService<IOptions<AIRiskOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            problems.InsertRange(0, e.Failures);
        }

        try
        {
            _ = app.Services.GetRequiredService<IOptions<ConsolePolicyOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures);
        }

        if (KeyRingCertificate.Problem(app.Configuration, app.Environment.IsDevelopment()) is { } keyRing)
            problems.Add(keyRing);
        // Tokens in Redis are encrypted with the key ring: a node with a key ring of its own could read none of them.
        if (!string.IsNullOrWhiteSpace(app.Configuration[ClusterServiceCollectionExtensions.RedisConnectionKey])
            && string.IsNullOrWhiteSpace(app.Configuration[AuditOptions.PostgresConnectionKey]))
            problems.Add($"{ClusterServiceCollectionExtensions.RedisConnectionKey} needs {AuditOptions.PostgresConnectionKey}: the nodes must share the Data Protection key ring that encrypts the tokens kept in Redis.");

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

    public static string Describe(IEnumerable<string> problems) =>
        "AIRisk Console cannot start: its configuration is incomplete." + Environment.NewLine
        + string.Concat(problems.Select(f => $"  - {f}{Environment.NewLine}"))
        + "Set these keys in .env (see .env.example) or in the environment, or unset AIRISK_BASE_URL to use the embedded sandbox.";
}
