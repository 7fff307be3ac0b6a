using System.Text;
using AIRisk.Core.Api;

namespace AIRisk.Web.Services.Users;

/// <summary>
/// The folded searchable text of every user in one contiguous string, so a keystroke is a few vectorized
/// <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> passes over memory rather than a
/// call per user. Each field ends with <see cref="SearchText.Separator"/>, which no folded term contains, so a term
/// never matches across two fields or two users. Hits map to users by binary search in the start offsets.
/// </summary>
public sealed class UserSearchIndex
{
    /// <summary>Below one candidate in this many users, checking each candidate's own text beats another full pass.</summary>
    private const int SparseRatio = 32;

    private readonly string _text;
    private readonly int[] _starts;

    public UserSearchIndex(IReadOnlyList<AIRiskUser> users)
    {
        _starts = new int[users.Count + 1];
        var text = new StringBuilder(users.Count * 96);
        for (var i = 0; i < users.Count; i++)
        {
            _starts[i] = text.Length;
            var user = users[i];
            AppendField(text, user.DisplayName);
            AppendField(text, user.Email);
            AppendField(text, user.Id);
            AppendField(text, UserName(user));
            AppendField(text, user.Role);
        }

        _starts[users.Count] = text.Length;
        _text = text.ToString();
    }

    /// <summary>The folded text of all users, fields ended by <see cref="SearchText.Separator"/>.</summary>
    public ReadOnlySpan<char> Text => _text;

    public int Count => _starts.Length - 1;

    /// <summary>The users whose text contains every one of the folded <paramref name="terms"/>; <c>null</c> when there are none (everyone).</summary>
    internal UserSet? Match(IReadOnlyList<string> terms)
    {
        UserSet? found = null;
        // Longest first: usually the rarest, so the later terms often have few candidates to check one by one.
        foreach (var term in terms.OrderByDescending(t => t.Length))
            found = found is not null && found.Count < Count / SparseRatio ? Check(term, found) : Scan(term, found);
        return found;
    }

    /// <summary>One pass over the whole text, keeping the users (among <paramref name="within"/>, if given) it hits.</summary>
    private UserSet Scan(string term, UserSet? within)
    {
        var found = new UserSet(Count);
        var text = Text;
        var position = 0;
        var user = 0;
        while (position < text.Length)
        {
            var hit = text[position..].IndexOf(term);
            if (hit < 0)
                break;
            user = UserAt(position + hit, user);
            if (within is null || within.Contains(user))
                found.Add(user);
            // One hit is enough for a user: go on from the next one.
            position = _starts[user + 1];
        }

        return found;
    }

    private UserSet Check(string term, UserSet candidates)
    {
        var found = new UserSet(Count);
        foreach (var user in candidates.Members())
        {
            if (Text[_starts[user].._starts[user + 1]].Contains(term, StringComparison.Ordinal))
                found.Add(user);
        }

        return found;
    }

    /// <summary>The user whose text holds <paramref name="offset"/>, searching from <paramref name="from"/> on (hits come in order).</summary>
    private int UserAt(int offset, int from)
    {
        var index = Array.BinarySearch(_starts, from, _starts.Length - from, offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static void AppendField(StringBuilder text, string? field)
    {
        SearchText.AppendFolded(text, field);
        text.Append(SearchText.Separator);
    }

    /// <summary>Kept in the details only when it differs from the display name (see <see cref="UserListReader"/>).</summary>
    private static string? UserName(AIRiskUser user)
    {
        foreach (var (name, value) in user.Details)
        {
            if (name == "userName")
                return value;
        }

        return null;
    }
}
