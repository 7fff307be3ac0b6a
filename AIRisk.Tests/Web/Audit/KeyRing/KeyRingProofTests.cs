using AIRisk.Web.Audit;
using AIRisk.Web.Audit.KeyRing;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.KeyRing;

public sealed class KeyRingProofTests
{
    private readonly MemoryXmlRepository _table = new();

    [Fact]
    public void A_node_with_another_certificate_than_the_rings_refuses_to_start_naming_its_certificate()
    {
        using var ringCertificate = KeyRingNodes.Certificate("Ring");
        using (var running = KeyRingNodes.Node(_table, ringCertificate))
            running.Protector().Protect([1]);
        using var otherCertificate = KeyRingNodes.Certificate("Other");
        using var node = KeyRingNodes.Node(_table, otherCertificate);

        var problem = node.GetRequiredService<KeyRingProof>().Problem();

        Assert.NotNull(problem);
        Assert.Contains($"'CN=Other' (thumbprint {otherCertificate.Thumbprint}, {KeyRingCertificate.PathKey})", problem, StringComparison.Ordinal);
        Assert.Contains(ringCertificate.Thumbprint, problem, StringComparison.Ordinal);
        Assert.Single(_table.Stored);
    }

    [Fact]
    public void A_node_on_an_empty_ring_makes_its_first_key_and_may_start()
    {
        using var certificate = KeyRingNodes.Certificate("Ring");
        using var node = KeyRingNodes.Node(_table, certificate);

        var problem = node.GetRequiredService<KeyRingProof>().Problem();

        Assert.Null(problem);
        Assert.Single(_table.Stored);
    }

    [Fact]
    public void A_node_whose_rings_key_has_expired_makes_the_next_one_signed_and_may_start()
    {
        using var certificate = KeyRingNodes.Certificate("Ring");
        using (var running = KeyRingNodes.Node(_table, certificate))
            running.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddDays(-100), DateTimeOffset.UtcNow.AddDays(-10));
        using var node = KeyRingNodes.Node(_table, certificate.Copy());

        var problem = node.GetRequiredService<KeyRingProof>().Problem();

        // Rotation needs nobody: the new key is the node's own, signed and encrypted like the first, and in use.
        Assert.Null(problem);
        Assert.Equal(2, _table.Stored.Count);
        Assert.All(node.GetRequiredService<SignedXmlRepository>().Read(), e => Assert.Null(e.Refusal));
        Assert.Contains(node.GetRequiredService<IKeyManager>().GetAllKeys(), k => k.ExpirationDate > DateTimeOffset.UtcNow);
    }

    [Fact]
    public void A_node_with_the_rings_certificate_may_start_and_uses_the_rings_key()
    {
        using var certificate = KeyRingNodes.Certificate("Ring");
        using (var running = KeyRingNodes.Node(_table, certificate))
            running.Protector().Protect([1]);
        using var node = KeyRingNodes.Node(_table, certificate.Copy());

        var problem = node.GetRequiredService<KeyRingProof>().Problem();

        Assert.Null(problem);
        Assert.Single(_table.Stored);
    }
}
