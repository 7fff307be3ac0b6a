using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AIRisk.Web.Audit.KeyRing;

/// <summary>
/// Before a node with a certificate takes requests, it proves that the key ring it shares is one it can use: no key
/// still in force was signed with another certificate (else this node would start a ring of its own beside the
/// others', and the nodes would refuse each other's cookies, tab storage and cached tokens), and a probe protected
/// with the current default key unprotects. With no key in force, the probe makes one: rotation stays automatic.
/// </summary>
internal sealed class KeyRingProof(SignedXmlRepository ring, KeyRingSignature signature, IDataProtectionProvider protection, TimeProvider time)
{
    private const string Purpose = "AIRisk.Console.KeyRingProof";

    /// <returns>Why this node may not start, naming its certificate (never a secret); <c>null</c> when it may.</returns>
    /// <remarks>Reads the ring's table: call it once the schema is up to date.</remarks>
    public string? Problem()
    {
        var now = time.GetUtcNow();
        if (ring.Read().FirstOrDefault(e => e.IsKey && e.SignedBy is not null && e.Refusal is not null && e.Expires > now
                && !string.Equals(e.SignedBy, signature.Thumbprint, StringComparison.OrdinalIgnoreCase)) is { } foreign)
        {
            return $"The Data Protection key ring in PostgreSQL holds key {foreign.Id}, in force until {foreign.Expires:u}, signed with "
                + $"another certificate (thumbprint {foreign.SignedBy}); this node's certificate is {signature.Describe()}. Give every node "
                + "the same certificate; to change it, see docs/deploy.md (Key ring).";
        }

        try
        {
            var protector = protection.CreateProtector(Purpose);
            byte[] probe = [.. RandomNumberGenerator.GetBytes(16)];
            return protector.Unprotect(protector.Protect(probe)).AsSpan().SequenceEqual(probe)
                ? null
                : Cannot("the probe came back changed");
        }
        catch (CryptographicException e)
        {
            return Cannot(e.Message);
        }
    }

    private string Cannot(string why) =>
        $"This node cannot protect and unprotect with the Data Protection key ring's current key using its certificate {signature.Describe()}: {why}. "
        + "Give every node the same certificate (see docs/deploy.md, Key ring).";
}
