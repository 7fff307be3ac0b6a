using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// The public half of the checkpoint signing key, from a PEM file (SubjectPublicKeyInfo, as
/// <c>openssl pkey -in audit-signing-key.pem -pubout</c> writes it): what an auditor verifies with, without the key
/// that could sign a rewritten chain.
/// </summary>
public sealed class AuditPublicKey : IAuditCheckpointVerifier
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly PublicKey _key;
    private readonly string _keyId;

    private AuditPublicKey(PublicKey key)
    {
        _key = key;
        _keyId = Id(key);
    }

    /// <exception cref="InvalidOperationException">The file is missing or holds no Ed25519 public key.</exception>
    public static AuditPublicKey Load(string path)
    {
        try
        {
            return PublicKey.TryImport(Algorithm, File.ReadAllBytes(path), KeyBlobFormat.PkixPublicKeyText, out var key)
                ? new AuditPublicKey(key!)
                : throw new InvalidOperationException($"{path} holds no Ed25519 public key (PEM, as openssl pkey -pubout writes it).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{path} could not be read ({e.Message}).", e);
        }
    }

    /// <summary>The key id a checkpoint names: the first 16 hex digits of SHA-256 of the raw public key.</summary>
    internal static string Id(PublicKey key) => Convert.ToHexStringLower(SHA256.HashData(key.Export(KeyBlobFormat.RawPublicKey)))[..16];

    internal static bool Verifies(PublicKey key, string keyId, AuditCheckpoint checkpoint)
    {
        Span<byte> signature = stackalloc byte[64];
        return checkpoint.KeyId == keyId
               && Convert.TryFromBase64String(checkpoint.Signature, signature, out var length) && length == 64
               && Algorithm.Verify(key, Encoding.ASCII.GetBytes(checkpoint.SignedText), signature);
    }

    public bool Verifies(AuditCheckpoint checkpoint) => Verifies(_key, _keyId, checkpoint);
}
