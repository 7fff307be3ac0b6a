using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AIRisk.Web.Audit.KeyRing;

/// <summary>
/// The key ring as Data Protection sees it when a certificate protects it: what this node stores is signed
/// (<see cref="KeyRingSignature"/>), and of what it reads only the elements its certificate signed are used, keys
/// only when their secret is encrypted with that certificate. Data Protection itself takes a key stored in clear,
/// or encrypted to the certificate's public key by anyone, so without this whoever may insert into the table could
/// plant a key they know, forge staff cookies with it and read the tokens in Redis.
/// </summary>
/// <remarks>
/// Revocations must be signed too. A planted revocation could only sign staff out, as deleting keys could before
/// the nodes' role lost DELETE; refusing it costs nothing, so the rule is one for every element. Elements stored before
/// signing (or by another certificate) are refused, logged once each: a ring upgraded to this signs everyone out once.
/// </remarks>
public sealed partial class SignedXmlRepository(
    [FromKeyedServices(SignedXmlRepository.StoreKey)] IXmlRepository store, KeyRingSignature signature, ILogger<SignedXmlRepository> logger) : IXmlRepository
{
    /// <summary>The DI key of the repository that holds the signed elements (the database's).</summary>
    public const string StoreKey = "AIRisk.KeyRing.Store";

    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly string Decryptor = typeof(EncryptedXmlDecryptor).FullName!;
    private readonly ConcurrentDictionary<(string Id, string Refusal), bool> _reported = new();

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Read().Where(e => e.Refusal is null).Select(e => e.Content)];

    public void StoreElement(XElement element, string friendlyName) => store.StoreElement(signature.Sign(element), friendlyName);

    /// <summary>Every element stored, each with why it is refused (if it is); each refusal is logged once.</summary>
    public IReadOnlyList<KeyRingEntry> Read()
    {
        var entries = store.GetAllElements().Select(Check).ToList();
        foreach (var refused in entries.Where(e => e.Refusal is not null))
        {
            if (_reported.TryAdd((refused.Id, refused.Refusal!), true))
                LogRefused(refused.Id, refused.Refusal!);
        }

        return entries;
    }

    private KeyRingEntry Check(XElement stored)
    {
        var entry = signature.Check(stored);
        if (entry.Refusal is null && entry.IsKey && !IsEncryptedWithCertificate(entry.Content))
            return entry.RefusedBecause("its secret is not encrypted with the certificate");
        return entry;
    }

    /// <summary>
    /// The descriptor holds its secret only inside <c>encryptedSecret</c> elements that name the certificate's
    /// decryptor: a secret in clear carries <c>requiresEncryption</c>, and another decryptor (the null one, say) would
    /// hand Data Protection a secret chosen by whoever wrote it.
    /// </summary>
    private static bool IsEncryptedWithCertificate(XElement key)
    {
        var descriptor = key.Element("descriptor");
        if (descriptor is null || descriptor.Descendants().Any(d => (bool?)d.Attribute(DataProtection + "requiresEncryption") == true))
            return false;
        var secrets = descriptor.Descendants(DataProtection + "encryptedSecret").ToList();
        return secrets.Count > 0 && secrets.All(s => ((string?)s.Attribute("decryptorType"))?.Split(',')[0].Trim() == Decryptor);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key ring element for key {KeyId} refused: {Refusal}; Data Protection will not use it")]
    private partial void LogRefused(string keyId, string refusal);
}
