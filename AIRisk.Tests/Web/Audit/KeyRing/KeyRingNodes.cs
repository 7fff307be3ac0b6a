using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AIRisk.Web.Audit.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.KeyRing;

/// <summary>
/// Data Protection as a node has it (the app's own wiring, the table in memory), and as whoever may only insert into
/// the table would set it up to plant a key.
/// </summary>
public static class KeyRingNodes
{
    public static X509Certificate2 Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A node with <paramref name="certificate"/>, wired as the app wires one on PostgreSQL.</summary>
    public static ServiceProvider Node(MemoryXmlRepository table, X509Certificate2 certificate)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddDataProtection().SetApplicationName(AuditServiceCollectionExtensions.ApplicationName).AddSignedKeyRing(certificate);
        // The table itself, in place of the database's (registered last, so it wins).
        services.AddKeyedSingleton<IXmlRepository>(SignedXmlRepository.StoreKey, table);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Data Protection writing straight into the table, its keys encrypted with <paramref name="encryptTo"/> (which
    /// needs only a public key) or, without one, in clear: what the nodes' database password allows.
    /// </summary>
    public static ServiceProvider Planter(IXmlRepository table, X509Certificate2? encryptTo = null)
    {
        var services = new ServiceCollection().AddLogging();
        var planter = services.AddDataProtection().SetApplicationName(AuditServiceCollectionExtensions.ApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = table);
        if (encryptTo is not null)
            planter.ProtectKeysWithCertificate(encryptTo);
        return services.BuildServiceProvider();
    }

    public static IDataProtector Protector(this IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("AIRisk.Tests.KeyRing");

    /// <summary>The same certificate as another node loads it from the same .pfx.</summary>
    public static X509Certificate2 Copy(this X509Certificate2 certificate) => X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);

    /// <summary>The certificate as anyone can have it: the public part, which every key in the table carries.</summary>
    public static X509Certificate2 PublicPart(this X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
