using System.Text;
using AIRisk.Core.Api;

namespace AIRisk.Web.Services.Users;

/// <summary>
/// Every user's searchable text, folded (<see cref="SearchText"/>), in one contiguous string with an offset table:
/// a keystroke is a vectorized <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> over it,
/// not a call per user. Fields are separated by a character folding never produces (control characters in the data
/// become spaces), so a term cannot match across two fields or two users.
/// </summary>
internal sealed class SearchBuffer
{
    private const char Separator = '\u0001';

    private readonly string _text;
    private readonly int[] _starts;

    public SearchBuffer(IReadOnlyList<AIRiskUser> users)
    {
        var text = new StringBuilder(users.Count * 72);
        _starts = new int[users.Count + 1];
        for (var i = 0; i < users.Count; i++)
        {
            _starts[i] = text.Length;
            var user = users[i];
            Append(text, user.DisplayName);
            Append(text, user.Email);
            Append(text, user.Id);
            Append(text, user.Details.FirstOrDefault(d => d.Key == "userName").Value);
            foreach (var role in user.Roles.Count > 0 ? user.Roles : user.Role is { } r ? [r] : [])
                Append(text, role);
        }

        _starts[users.Count] = text.Length;
        _text = text.ToString();
    }

    /// <summary>How many characters one full scan reads (the floor of a keystroke).</summary>
    public int Length => _text.Length;

    /// <summary>The users whose text contains every one of the folded <paramref name="terms"/>, as a bitset, and how many.</summary>
    public (ulong[] Bits, int Count) Match(IReadOnlyList<string> terms)
    {
        var users = _starts.Length - 1;
        ulong[]? matched = null;
        var count = 0;
        foreach (var term in terms)
        {
            // A bitset, not a bool per user: 100,000 users fit in 12.5 KB, below the large object heap.
            var hits = new ulong[(users + 63) / 64];
            count = 0;
            var text = _text.AsSpan();
            var position = 0;
            while (position < text.Length)
            {
                var found = text[position..].IndexOf(term, StringComparison.Ordinal);
                if (found < 0)
                    break;
                var user = UserAt(position + found);
                // Only the users every earlier term matched count; one hit per user is enough.
                if (matched is null || (matched[user >> 6] & (1UL << user)) != 0)
                {
                    hits[user >> 6] |= 1UL << user;
                    count++;
                }

                position = _starts[user + 1];
            }

            matched = hits;
        }

        return (matched ?? [], count);
    }

    public static bool Has(ulong[] bits, int user) => (bits[user >> 6] & (1UL << user)) != 0;

    /// <summary>One pass over the whole buffer for a term that occurs nowhere: what a keystroke cannot beat.</summary>
    public int Scan(string absentTerm) => _text.AsSpan().IndexOf(absentTerm, StringComparison.Ordinal);

    private int UserAt(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static void Append(StringBuilder text, string? field)
    {
        if (string.IsNullOrEmpty(field))
            return;
        foreach (var c in SearchText.Fold(field))
            text.Append(char.IsControl(c) ? ' ' : c);
        text.Append(Separator);
    }
}
