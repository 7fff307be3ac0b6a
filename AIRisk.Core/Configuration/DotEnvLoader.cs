namespace AIRisk.Core.Configuration;

/// <summary>
/// Loads a <c>.env</c> file into the process environment. Variables already set win (twelve-factor), and the
/// file is looked for in the start directory and then each parent, so it is found from the solution root too.
/// </summary>
public static class DotEnvLoader
{
    /// <returns>How many keys the file set (0 when there is no file or every key was already set).</returns>
    public static int Load(string? startDirectory = null)
    {
        var start = Path.Combine(startDirectory ?? Directory.GetCurrentDirectory(), ".env");
        return DotNetEnv.Env.TraversePath().NoClobber().Load(start).Count();
    }
}
