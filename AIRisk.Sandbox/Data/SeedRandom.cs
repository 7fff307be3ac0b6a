using System.Buffers.Binary;

namespace AIRisk.Sandbox.Data;

/// <summary>
/// A SplitMix64 stream keyed by (seed, index, purpose): user 7's data is the same whatever the user count, and
/// doesn't depend on System.Random's implementation.
/// </summary>
internal sealed class SeedRandom
{
    private ulong _state;

    private SeedRandom(ulong state) => _state = state;

    public static SeedRandom For(int seed, int index, SeedStream stream) =>
        new(Mix(((ulong)(uint)seed << 32) | (uint)index) ^ Mix(0xA5A5_0000UL + (ulong)stream));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15;
        return Mix(_state);
    }

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A version-4-shaped GUID, like the ones ASP.NET Identity hands out.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The first <paramref name="count"/> of <paramref name="items"/> in a random order (partial Fisher-Yates).</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        for (var i = 0; i < count; i++)
        {
            var j = Next(i, pool.Count);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
