using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AIRisk.Tests.TestSupport;

/// <summary>A throwaway CA and a server certificate it signed for <c>localhost</c>, for TLS receivers in tests.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=AIRisk test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Authority = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = serverRequest.Create(Authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        // Through PKCS#12: SslStream on Linux wants a certificate whose key it can hand to OpenSSL.
        Server = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pfx), null);
        AuthorityPemFile = Path.Combine(Directory.CreateTempSubdirectory("airisk-ca-").FullName, "ca.pem");
        File.WriteAllText(AuthorityPemFile, Authority.ExportCertificatePem());
    }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Server { get; }

    public string AuthorityPemFile { get; }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
        Directory.Delete(Path.GetDirectoryName(AuthorityPemFile)!, recursive: true);
    }
}
