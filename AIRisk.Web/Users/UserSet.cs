using System.Numerics;

namespace AIRisk.Web.Users;

/// <summary>
/// Users of a snapshot by position, one bit each: 100,000 users take 12.5 KB, which stays in cache while a sort
/// order is walked, and intersecting two sets is a pass over 1,563 words.
/// </summary>
internal sealed class UserSet(int capacity)
{
    private readonly ulong[] _bits = new ulong[(capacity + 63) / 64];

    public int Count { get; private set; }

    public bool Contains(int user) => (_bits[user >> 6] & (1UL << user)) != 0;

    public void Add(int user)
    {
        ref var word = ref _bits[user >> 6];
        var bit = 1UL << user;
        if ((word & bit) == 0)
        {
            word |= bit;
            Count++;
        }
    }

    /// <summary>Keeps only the users also in <paramref name="other"/>.</summary>
    public void IntersectWith(UserSet other)
    {
        var count = 0;
        for (var i = 0; i < _bits.Length; i++)
        {
            _bits[i] &= other._bits[i];
            count += BitOperations.PopCount(_bits[i]);
        }

        Count = count;
    }

    /// <summary>The users in the set, in position order.</summary>
    public IEnumerable<int> Members()
    {
        for (var i = 0; i < _bits.Length; i++)
        {
            for (var word = _bits[i]; word != 0; word &= word - 1)
                yield return (i * 64) + BitOperations.TrailingZeroCount(word);
        }
    }
}
