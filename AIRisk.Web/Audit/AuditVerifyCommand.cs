using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;

namespace AIRisk.Web.Audit;

/// <summary>
/// <c>dotnet AIRisk.Web.dll audit verify [--checkpoints FILE] [--public-key FILE]</c>: verifies the audit chain with the app's configuration
/// (the data folder or <c>POSTGRES_CONNECTION</c>; the public key from the signing key's file, or from <c>--public-key</c>'s
/// PEM, so an auditor needs no private key) and exits 0 with
/// <c>audit intact: N records, last checkpoint at record K</c>, or 1 with one <c>audit broken: KIND at record SEQ</c>
/// line per finding. FILE holds checkpoints as the stream sent them off the host, one per line, so a deleted tail is
/// found. Exit 2 when the check cannot run (no database, unreadable file).
/// </summary>
internal static class AuditVerifyCommand
{
    public static bool Matches(string[] args) => args is ["audit", "verify", ..];

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning))
            .AddAIRiskAudit(builder.Configuration, builder.Environment.ContentRootPath);
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<AuditOptions>();
        var chain = provider.GetRequiredService<AuditChainOptions>();
        try
        {
            var offHost = ReadCheckpoints(args);
            // Never made here: a verifier that made a fresh key would call every real checkpoint forged.
            using var signing = Option(args, "--public-key") is null && File.Exists(chain.SigningKeyPath) ? AuditSigningKey.Load(chain.SigningKeyPath) : null;
            IAuditCheckpointVerifier? key = Option(args, "--public-key") is { } publicKey ? AuditPublicKey.Load(publicKey) : signing;
            var result = await provider.GetRequiredService<AuditTrail>().RunAsync(db => AuditChainCheck.RunAsync(db, key, offHost, null, CancellationToken.None), CancellationToken.None);
            foreach (var line in result.Lines)
                await Console.Out.WriteLineAsync(line);
            return result.Intact ? 0 : 1;
        }
        catch (Exception e) when (AuditTrail.IsUnavailable(e) || e is FormatException or UnauthorizedAccessException or IOException)
        {
            await Console.Error.WriteLineAsync($"Could not verify the audit trail ({options.Describe()}): {e.GetBaseException().Message}");
            return 2;
        }
    }

    private static List<AuditCheckpoint> ReadCheckpoints(string[] args) =>
        Option(args, "--checkpoints") is { } file ? [.. File.ReadLines(file).Where(l => !string.IsNullOrWhiteSpace(l)).Select(AuditCheckpointLine.Parse)] : [];

    /// <returns>The file named after <paramref name="name"/>, or <c>null</c> when the option is absent.</returns>
    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        if (at < 0)
            return null;
        return at + 1 < args.Length ? args[at + 1] : throw new FormatException($"{name} needs a file.");
    }
}
