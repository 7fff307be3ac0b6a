using System.Diagnostics;
using AIRisk.Tests.Web.Audit.Chain;
using AIRisk.TestSupport;
using AIRisk.Web.Audit.Checkpoints;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.Checkpoints;

/// <summary><c>audit verify --public-key FILE</c>: an auditor verifies the checkpoints without the private key.</summary>
public sealed class AuditPublicKeyTests : IAsyncDisposable
{
    private readonly SqliteChainFixture _trail = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_verify_with_the_public_key_alone_finds_the_trail_intact_up_to_its_checkpoint()
    {
        await _trail.RecordAsync(5);
        await _trail.SealAsync();
        var publicKey = await ExportPublicKeyAsync(_trail.Services.GetRequiredService<AuditSigningKeyProvider>().Key);
        // Moved out of the data folder: the verifier has the public key only.
        File.Move(Path.Combine(_trail.Folder, AuditChainOptions.DefaultKeyFileName), Path.Combine(_trail.Folder, "elsewhere.pem"));

        var (exitCode, output) = await VerifyAsync("--public-key", publicKey);

        Assert.Equal((0, "audit intact: 5 records, last checkpoint at record 5"), (exitCode, output.Trim()));
    }

    [Fact]
    public async Task A_checkpoint_checked_against_another_public_key_is_a_bad_signature()
    {
        await _trail.RecordAsync(5);
        await _trail.SealAsync();
        using var other = AuditSigningKey.LoadOrCreate(Path.Combine(_trail.Folder, "other", "key.pem"));
        var otherPublicKey = await ExportPublicKeyAsync(other);

        var (exitCode, output) = await VerifyAsync("--public-key", otherPublicKey);

        Assert.Equal((1, "audit broken: bad_signature at record 5"), (exitCode, output.Trim()));
    }

    public ValueTask DisposeAsync() => _trail.DisposeAsync();

    private async Task<string> ExportPublicKeyAsync(AuditSigningKey key)
    {
        var path = Path.Combine(_trail.Folder, $"public-{key.KeyId}.pem");
        await File.WriteAllTextAsync(path, key.ExportPublicKey(), Ct);
        return path;
    }

    /// <summary>Runs <c>dotnet AIRisk.Web.dll audit verify …</c> on the fixture's data folder, as an auditor would.</summary>
    private async Task<(int ExitCode, string Output)> VerifyAsync(params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WebAppProcess.WebAssemblyPath());
        foreach (var argument in (string[])["audit", "verify", .. options])
            start.ArgumentList.Add(argument);
        start.Environment["AIRISK_DATA_DIR"] = _trail.Folder;
        start.Environment.Remove("POSTGRES_CONNECTION");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output + await errors);
    }
}
