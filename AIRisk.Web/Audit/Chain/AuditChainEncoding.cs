using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AIRisk.Web.Audit.Chain;

/// <summary>
/// The canonical bytes of an audit record, and its chain hash. Each field, in a fixed order, is either <c>-</c> (NULL)
/// or a netstring, <c>&lt;UTF-8 byte length&gt;:&lt;UTF-8 bytes&gt;,</c>, so NULL differs from empty and no value can
/// run into the next. Numbers are decimal; the time is whole microseconds since 1970-01-01T00:00:00Z. PostgreSQL's
/// <c>audit_chain_encoding</c> (migration <c>AuditHashChain</c>) builds the same bytes; a test holds them together.
/// hash = SHA-256(previous hash's 32 bytes ‖ encoding); before the first record the previous hash is 32 zero bytes.
/// </summary>
internal static class AuditChainEncoding
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>.NET ticks at the Unix epoch.</summary>
    private const long EpochTicks = 621_355_968_000_000_000;

    public static long TicksToMicroseconds(long ticks) => (ticks - EpochTicks) / 10;

    /// <summary>A time as the chain stores it: cut to whole microseconds, the precision PostgreSQL keeps.</summary>
    public static long TruncateToMicroseconds(long ticks) => ticks - ((ticks - EpochTicks) % 10);

    public static byte[] Encode(AuditRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, row);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(IBufferWriter<byte> buffer, AuditRow row)
    {
        Field(buffer, row.Seq.ToString(CultureInfo.InvariantCulture));
        Field(buffer, TicksToMicroseconds(row.AtUtcTicks).ToString(CultureInfo.InvariantCulture));
        Field(buffer, row.StaffId);
        Field(buffer, row.StaffName);
        Field(buffer, row.Action);
        Field(buffer, row.Outcome);
        Field(buffer, row.TargetUserId);
        Field(buffer, row.TargetUserName);
        Field(buffer, row.Reason);
        Field(buffer, row.Detail);
        Field(buffer, row.Error);
        Field(buffer, row.SessionId);
        Field(buffer, row.ClientIp);
        Field(buffer, row.UserAgent);
    }

    /// <summary>The record's hash (lower-case hex) after <paramref name="previousHash"/>.</summary>
    public static string Hash(string previousHash, AuditRow row)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        var previous = buffer.GetSpan(32);
        if (!TryParseHash(previousHash, previous))
            previous[..32].Clear();
        buffer.Advance(32);
        Write(buffer, row);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>A stored hash that is not 64 hex digits cannot have been written by the chain; it hashes as zeros and so mismatches.</summary>
    private static bool TryParseHash(string hex, Span<byte> into) =>
        hex.Length == 64 && Convert.FromHexString(hex, into[..32], out _, out var written) == OperationStatus.Done && written == 32;

    private static void Field(IBufferWriter<byte> buffer, string? value)
    {
        if (value is null)
        {
            buffer.Write("-"u8);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        var prefix = length.ToString(CultureInfo.InvariantCulture);
        var span = buffer.GetSpan(prefix.Length + length + 2);
        var at = Encoding.ASCII.GetBytes(prefix, span);
        span[at++] = (byte)':';
        at += Encoding.UTF8.GetBytes(value, span[at..]);
        span[at++] = (byte)',';
        buffer.Advance(at);
    }
}
