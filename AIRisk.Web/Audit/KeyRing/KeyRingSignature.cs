using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;

namespace AIRisk.Web.Audit.KeyRing;

/// <summary>
/// Signs each element this node stores in the key ring with the private key of <c>DATA_PROTECTION_CERTIFICATE</c>,
/// and checks that signature when an element is read. Encryption alone proves nothing about who wrote a key: it uses
/// the certificate's public key, which every row of the table carries, so whoever may insert a row could encrypt a key
/// they chose to it. Only a holder of the .pfx can sign.
/// </summary>
public sealed class KeyRingSignature(X509Certificate2 certificate)
{
    internal static readonly XName SignedName = XNamespace.Get("urn:airisk-console:key-ring") + "signed";
    private const string CertificateAttribute = "certificate";
    private const string SignatureAttribute = "signature";

    // Binds a signature to this use, so one made with the same certificate for anything else is no key ring element.
    private static readonly byte[] Context = "AIRisk.Console key ring element v1\n"u8.ToArray();

    public string Subject => certificate.Subject;

    public string Thumbprint => certificate.Thumbprint;

    /// <summary>How the certificate is named in messages: subject and thumbprint, never anything secret.</summary>
    public string Describe() => $"'{Subject}' (thumbprint {Thumbprint}, {KeyRingCertificate.PathKey})";

    public XElement Sign(XElement element)
    {
        var payload = element.ToString(SaveOptions.DisableFormatting);
        using var key = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException($"{KeyRingCertificate.PathKey} has no RSA private key.");
        var signature = key.SignData(Signed(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return new XElement(SignedName,
            new XAttribute(CertificateAttribute, Thumbprint),
            new XAttribute(SignatureAttribute, Convert.ToBase64String(signature)),
            payload);
    }

    /// <summary>What <paramref name="stored"/> holds and whether this node's certificate signed it.</summary>
    public KeyRingEntry Check(XElement stored)
    {
        if (stored.Name != SignedName)
            return new(stored, SignedBy: null, "not signed");
        var signedBy = (string?)stored.Attribute(CertificateAttribute);
        var payload = stored.Value;
        XElement content;
        try
        {
            content = XElement.Parse(payload);
        }
        catch (System.Xml.XmlException)
        {
            return new(stored, signedBy, "not readable");
        }

        if (!string.Equals(signedBy, Thumbprint, StringComparison.OrdinalIgnoreCase))
            return new(content, signedBy, $"signed with another certificate ({signedBy})");
        return Verifies(payload, (string?)stored.Attribute(SignatureAttribute))
            ? new(content, signedBy, Refusal: null)
            : new(content, signedBy, "its signature does not match");
    }

    private bool Verifies(string payload, string? signature)
    {
        var bytes = new byte[((signature?.Length ?? 0) * 3 / 4) + 3];
        if (signature is null || !Convert.TryFromBase64String(signature, bytes, out var length))
            return false;
        using var key = certificate.GetRSAPublicKey()!;
        return key.VerifyData(Signed(payload), bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
    }

    private static byte[] Signed(string payload) => [.. Context, .. Encoding.UTF8.GetBytes(payload)];
}
