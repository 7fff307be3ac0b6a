using System.Buffers;
using System.Text;
using AIRisk.Core.Api;

namespace AIRisk.Web.Users;

/// <summary>
/// One stretch of the search index's text: some fields of every user, in user order, each field ended by
/// <see cref="SearchText.Separator"/>. It knows which chars occur in it, so a term with any other char skips it
/// without a pass (no name-like term can occur in GUID ids, 40 % of the text), and it maps a hit to its user through
/// a table of which user each 64-char block starts in, then a step or two along the users' start offsets.
/// </summary>
internal sealed class SearchRegion
{
    /// <summary>2^6 = 64 chars per block: less than most users' text, so a hit is a step or two from its block's user.</summary>
    private const int BlockShift = 6;

    private readonly int[] _starts;
    private readonly int[] _blockUsers;
    private readonly SearchValues<char> _alphabet;

    /// <summary>Appends the folded <paramref name="fields"/> of every user to <paramref name="text"/> as a new region.</summary>
    public SearchRegion(StringBuilder text, IReadOnlyList<AIRiskUser> users, Func<AIRiskUser, IEnumerable<string?>> fields)
    {
        _starts = new int[users.Count + 1];
        for (var i = 0; i < users.Count; i++)
        {
            _starts[i] = text.Length;
            foreach (var field in fields(users[i]))
            {
                var start = text.Length;
                SearchText.AppendFolded(text, field);
                // A search term has its control characters dropped; in the text they part words, as a space does.
                for (var c = start; c < text.Length; c++)
                {
                    if (char.IsControl(text[c]))
                        text[c] = ' ';
                }

                text.Append(SearchText.Separator);
            }
        }

        _starts[users.Count] = text.Length;
        _blockUsers = BlockUsers(_starts);
        _alphabet = Alphabet(text, _starts[0], _starts[users.Count]);
    }

    public int Start => _starts[0];

    public int End => _starts[^1];

    /// <summary>False when <paramref name="term"/> has a char that occurs nowhere in this region.</summary>
    public bool CanHold(string term) => !term.AsSpan().ContainsAnyExcept(_alphabet);

    /// <summary>Adds to <paramref name="found"/> the users (among <paramref name="within"/>, if given) whose text here holds <paramref name="term"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, SearchValues<string> term, UserSet found, UserSet? within)
    {
        var position = Start;
        while (position < End)
        {
            var hit = text[position..End].IndexOfAny(term);
            if (hit < 0)
                break;
            var user = UserAt(position + hit);
            if (within is null || within.Contains(user))
                found.Add(user);
            // One hit is enough for a user: go on from the next one.
            position = _starts[user + 1];
        }
    }

    public bool Holds(ReadOnlySpan<char> text, int user, string term) =>
        text[_starts[user].._starts[user + 1]].Contains(term, StringComparison.Ordinal);

    private int UserAt(int offset)
    {
        var user = _blockUsers[(offset - Start) >> BlockShift];
        while (_starts[user + 1] <= offset)
            user++;
        return user;
    }

    private static int[] BlockUsers(int[] starts)
    {
        var blocks = new int[((starts[^1] - starts[0]) >> BlockShift) + 1];
        var user = 0;
        for (var block = 0; block < blocks.Length; block++)
        {
            var offset = starts[0] + (block << BlockShift);
            while (user < starts.Length - 2 && starts[user + 1] <= offset)
                user++;
            blocks[block] = user;
        }

        return blocks;
    }

    private static SearchValues<char> Alphabet(StringBuilder text, int start, int end)
    {
        var seen = new bool[char.MaxValue + 1];
        var offset = 0;
        foreach (var chunk in text.GetChunks())
        {
            var span = chunk.Span;
            foreach (var c in span[Math.Clamp(start - offset, 0, span.Length)..Math.Clamp(end - offset, 0, span.Length)])
                seen[c] = true;
            offset += span.Length;
        }

        return SearchValues.Create([.. Enumerable.Range(0, seen.Length).Where(c => seen[c]).Select(c => (char)c)]);
    }
}
