using AIRisk.Core.Configuration;
using AIRisk.Web.Services.Policy;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services;

/// <summary>
/// Checks the configuration before the host starts, turning a bad <c>.env</c> into one clear message and exit code 2
/// instead of a logged stack trace.
/// </summary>
internal static class StartupGuard
{
    public const int ConfigurationErrorExitCode = 2;

    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            _ = app.Services.GetRequiredService<IOptions<AIRiskOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<ConsolePolicyOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync(Describe(e));
            return ConfigurationErrorExitCode;
        }

        await app.RunAsync();
        return 0;
    }

    public static string Describe(OptionsValidationException e) =>
        "AIRisk Console cannot start: its configuration is incomplete." + Environment.NewLine
        + string.Concat(e.Failures.Select(f => $"  - {f}{Environment.NewLine}"))
        + "Set these keys in .env (see .env.example) or in the environment, or unset AIRISK_BASE_URL to use the embedded sandbox.";
}
