using System.ComponentModel;

namespace AIRisk.Core.Auth;

/// <summary>
/// An AIRisk access token: generic when <see cref="UserId"/> is <c>null</c>, user-specific otherwise.
/// <see cref="ToString"/> never shows <see cref="Value"/>, so a token that reaches a log line or an
/// exception message stays redacted.
/// </summary>
[ImmutableObject(true)]
public sealed record AccessToken(string Value, string? UserId, DateTimeOffset ExpiresAt)
{
    private const string DroppedPartition = "\0dropped";

    /// <summary>
    /// What a node keeps in its own memory, for a moment, in place of a token another node was refused: it belongs to
    /// nobody (so it is never served), and it tells the reader to look past its own memory.
    /// </summary>
    public static AccessToken Dropped { get; } = new("", null, DateTimeOffset.MaxValue) { CachePartition = DroppedPartition };

    public bool IsGeneric => UserId is null;

    public bool IsDropped => Value.Length == 0 && CachePartition == DroppedPartition;

    /// <summary>When this client received the token; <c>default</c> when unknown.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>Whose cache entry this is beyond client and user (browser mode: the staff member who signed in); <c>null</c> when shared.</summary>
    public string? CachePartition { get; init; }

    /// <summary>
    /// True when the token should be replaced at <paramref name="now"/>. The margin is <paramref name="skew"/>, but never
    /// more than a quarter of the token's lifetime, so that short-lived tokens are still used before being renewed.
    /// </summary>
    public bool IsExpiring(DateTimeOffset now, TimeSpan skew)
    {
        var margin = IssuedAt == default ? skew : TimeSpan.FromTicks(Math.Min(skew.Ticks, (ExpiresAt - IssuedAt).Ticks / 4));
        return now >= ExpiresAt - margin;
    }

    public override string ToString() =>
        $"AccessToken {{ User = {UserId ?? "(generic)"}, ExpiresAt = {ExpiresAt:O}, Value = [redacted] }}";
}
