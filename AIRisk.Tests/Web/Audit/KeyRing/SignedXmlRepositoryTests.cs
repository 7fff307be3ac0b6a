using System.Security.Cryptography;
using AIRisk.Web.Audit.KeyRing;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.KeyRing;

public sealed class SignedXmlRepositoryTests : IDisposable
{
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = KeyRingNodes.Certificate("AIRisk Console key ring");
    private readonly MemoryXmlRepository _table = new();

    [Fact]
    public void A_key_planted_in_clear_never_unprotects_on_a_node()
    {
        using var planter = KeyRingNodes.Planter(_table);
        var forged = planter.Protector().Protect("staff cookie"u8.ToArray());
        using var node = KeyRingNodes.Node(_table, _certificate);

        Assert.ThrowsAny<CryptographicException>(() => node.Protector().Unprotect(forged));
    }

    [Fact]
    public void A_key_encrypted_to_the_certificates_public_key_by_someone_without_its_private_key_never_unprotects_on_a_node()
    {
        using var planter = KeyRingNodes.Planter(_table, encryptTo: _certificate.PublicPart());
        var forged = planter.Protector().Protect("staff cookie"u8.ToArray());
        using var node = KeyRingNodes.Node(_table, _certificate);

        Assert.ThrowsAny<CryptographicException>(() => node.Protector().Unprotect(forged));
    }

    [Fact]
    public void A_key_in_clear_is_refused_even_when_signed_with_the_certificate()
    {
        var clear = new MemoryXmlRepository();
        using var planter = KeyRingNodes.Planter(clear);
        var forged = planter.Protector().Protect("staff cookie"u8.ToArray());
        var signature = new KeyRingSignature(_certificate);
        foreach (var element in clear.Stored)
            _table.StoreElement(signature.Sign(element), "planted");
        using var node = KeyRingNodes.Node(_table, _certificate);

        Assert.ThrowsAny<CryptographicException>(() => node.Protector().Unprotect(forged));
        Assert.Contains(node.GetRequiredService<SignedXmlRepository>().Read(), e => e.Refusal == "its secret is not encrypted with the certificate");
    }

    [Fact]
    public void A_key_whose_signed_content_was_changed_is_refused()
    {
        using (var first = KeyRingNodes.Node(_table, _certificate))
            first.Protector().Protect([1]);
        var stored = Assert.Single(_table.Stored);
        var tampered = new MemoryXmlRepository();
        tampered.StoreElement(new(stored) { Value = stored.Value.Replace("<key id=\"", "<key id=\"0", StringComparison.Ordinal) }, "tampered");
        using var node = KeyRingNodes.Node(tampered, _certificate);

        Assert.Equal("its signature does not match", Assert.Single(node.GetRequiredService<SignedXmlRepository>().Read()).Refusal);
    }

    [Fact]
    public void What_one_node_protects_another_node_with_the_same_certificate_unprotects()
    {
        using var first = KeyRingNodes.Node(_table, _certificate);
        var protectedByFirst = first.Protector().Protect("staff cookie"u8.ToArray());
        using var second = KeyRingNodes.Node(_table, _certificate.Copy());

        Assert.Equal("staff cookie"u8.ToArray(), second.Protector().Unprotect(protectedByFirst));
        Assert.Single(_table.Stored);
    }

    public void Dispose() => _certificate.Dispose();
}
