using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AIRisk.Web.Audit;

/// <summary>
/// The certificate that encrypts the Data Protection key ring where the database holds it (<c>POSTGRES_CONNECTION</c>):
/// without it, whoever reads the table or a backup could forge staff cookies and read the tokens kept in Redis.
/// <c>DATA_PROTECTION_CERTIFICATE</c> names a PKCS#12 file (with its private key), <c>DATA_PROTECTION_CERTIFICATE_PASSWORD</c>
/// its password; every node has the same one.
/// </summary>
public static class KeyRingCertificate
{
    public const string PathKey = "DATA_PROTECTION_CERTIFICATE";
    public const string PasswordKey = "DATA_PROTECTION_CERTIFICATE_PASSWORD";

    /// <returns>The certificate, or <c>null</c> when none is configured.</returns>
    /// <exception cref="InvalidOperationException">It is configured but cannot be read (see <see cref="Problem"/>).</exception>
    public static X509Certificate2? Load(AuditOptions options)
    {
        if (options.KeyRingCertificatePath is not { } path)
            return null;
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.KeyRingCertificatePassword);
            return certificate.HasPrivateKey ? certificate : throw new InvalidOperationException($"{PathKey} has no private key.");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{PathKey} could not be read ({e.Message}).", e);
        }
    }

    /// <returns>What is wrong with the key ring's protection, or <c>null</c>.</returns>
    public static string? Problem(AuditOptions options, bool isDevelopment)
    {
        if (!options.UsesPostgres)
            return null;
        if (options.KeyRingCertificatePath is null)
            return isDevelopment ? null : $"{AuditOptions.PostgresConnectionKey} keeps the Data Protection key ring in the database: set {PathKey} (a .pfx with its private key) and {PasswordKey}, so the keys are encrypted there.";
        try
        {
            using var certificate = Load(options);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }
}
