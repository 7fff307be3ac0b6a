using System.Text;
using NSec.Cryptography;

namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>
/// The Ed25519 key that signs checkpoints, from its PEM file (PKCS#8, as <c>openssl genpkey -algorithm ed25519</c>
/// writes it). The verifier takes the public key from this file, never from the database: whoever can write the
/// database could otherwise put in their own key and sign a rewritten chain. <see cref="KeyId"/> names the public key
/// (the first 16 hex digits of its SHA-256) in each checkpoint.
/// </summary>
public sealed class AuditSigningKey : IAuditCheckpointVerifier, IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private AuditSigningKey(Key key)
    {
        _key = key;
        KeyId = AuditPublicKey.Id(key.PublicKey);
    }

    public string KeyId { get; }

    /// <exception cref="InvalidOperationException">The file is missing or holds no Ed25519 private key.</exception>
    public static AuditSigningKey Load(string path)
    {
        try
        {
            var pem = File.ReadAllBytes(path);
            return Key.TryImport(Algorithm, pem, KeyBlobFormat.PkixPrivateKeyText, out var key)
                ? new AuditSigningKey(key!)
                : throw new InvalidOperationException($"{path} holds no Ed25519 private key (PKCS#8 PEM).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{path} could not be read ({e.Message}).", e);
        }
    }

    /// <summary>The key at <paramref name="path"/>, made there first (readable by this user only) when there is none.</summary>
    public static AuditSigningKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            var pem = key.Export(KeyBlobFormat.PkixPrivateKeyText);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var file = new FileStream(path, options);
                file.Write(pem);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }

        return Load(path);
    }

    /// <returns>Why the key at <paramref name="path"/> cannot be used, or <c>null</c>.</returns>
    public static string? Problem(string path)
    {
        try
        {
            using var key = Load(path);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    }

    /// <summary><paramref name="checkpoint"/> with this key's id and signature.</summary>
    public AuditCheckpoint Sign(AuditCheckpoint checkpoint)
    {
        var named = checkpoint with { KeyId = KeyId };
        return named with { Signature = Convert.ToBase64String(Algorithm.Sign(_key, Encoding.ASCII.GetBytes(named.SignedText))) };
    }

    /// <summary>Whether <paramref name="checkpoint"/> was signed by this key.</summary>
    public bool Verifies(AuditCheckpoint checkpoint) => AuditPublicKey.Verifies(_key.PublicKey, KeyId, checkpoint);

    /// <summary>The public half as PEM (SubjectPublicKeyInfo), what <c>audit verify --public-key</c> reads.</summary>
    public string ExportPublicKey() => Encoding.ASCII.GetString(_key.PublicKey.Export(KeyBlobFormat.PkixPublicKeyText));

    public void Dispose() => _key.Dispose();
}
