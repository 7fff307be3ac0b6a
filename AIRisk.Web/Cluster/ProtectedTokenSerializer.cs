using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using AIRisk.Core.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;

namespace AIRisk.Web.Cluster;

/// <summary>
/// How a token is stored in the cache's distributed level: encrypted with Data Protection (the key ring every node
/// shares), so whoever reads Redis finds no token in it.
/// </summary>
internal sealed class ProtectedTokenSerializer(IDataProtectionProvider protection) : IHybridCacheSerializer<AccessToken>
{
    private readonly IDataProtector _protector = protection.CreateProtector("AIRisk.Console.TokenCache.v1");

    /// <summary>
    /// An entry this node cannot read (another key ring, a damaged or forged value) reads as an expired token: the
    /// token provider then drops it and fetches a new one, instead of failing every switch to that user.
    /// </summary>
    public AccessToken Deserialize(ReadOnlySequence<byte> source)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredToken>(_protector.Unprotect(source.ToArray()))!.ToToken();
        }
        catch (Exception e) when (e is CryptographicException or JsonException or NullReferenceException)
        {
            return Unreadable;
        }
    }

    private static readonly AccessToken Unreadable = new("", UserId: "(unreadable)", DateTimeOffset.MinValue);

    public void Serialize(AccessToken value, IBufferWriter<byte> target) =>
        target.Write(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(StoredToken.From(value))));

    // What is kept, spelled out: the record's own shape is free to change without breaking tokens other nodes stored.
    private sealed record StoredToken(string Value, string? UserId, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt, string? CachePartition)
    {
        public static StoredToken From(AccessToken t) => new(t.Value, t.UserId, t.ExpiresAt, t.IssuedAt, t.CachePartition);

        public AccessToken ToToken() => new(Value, UserId, ExpiresAt) { IssuedAt = IssuedAt, CachePartition = CachePartition };
    }
}
