using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AIRisk.Web.Audit.Streaming;

/// <summary>
/// Whether the syslog receiver's TLS certificate is trusted: by the system's store (the default), or only by the CA
/// certificates of <c>AUDIT_SYSLOG_CA_FILE</c> (a SIEM with a private CA). The host name must match either way.
/// </summary>
internal sealed class SyslogTrust(X509Certificate2Collection? authorities)
{
    public static SyslogTrust System { get; } = new(null);

    /// <returns>The CA file's certificates, or why they could not be read.</returns>
    public static (X509Certificate2Collection? Authorities, string? Problem) LoadCaFile(string path)
    {
        try
        {
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(path);
            return authorities.Count == 0 ? (null, $"holds no PEM certificate ({path}).") : (authorities, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return (null, $"cannot be read as PEM certificates ({path}: {e.Message}).");
        }
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (authorities is null)
            return errors == SslPolicyErrors.None;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return false;
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        return custom.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
