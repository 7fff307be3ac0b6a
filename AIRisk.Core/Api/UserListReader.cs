using System.Buffers;
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AIRisk.Core.Api;

/// <summary>
/// Reads ListUsers leniently, as its shape is undocumented beyond "names and ids": a JSON array or an object
/// wrapping one; several spellings of the id; a display name built from whatever naming fields exist.
/// </summary>
/// <remarks>
/// 100,000 users are a million properties, so the bytes are read with a <see cref="Utf8JsonReader"/> (JsonDocument's
/// bookkeeping on each property cost more than the reading), names are looked up without being allocated, and
/// values that repeat across users (field names, first and last names, roles, companies) are one string each, not
/// one per user.
/// </remarks>
public static class UserListReader
{
    private static readonly string[] Wrappers = ["users", "data", "items", "value", "results"];

    private static readonly FrozenDictionary<string, Field> Fields = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = Field.Id,
        ["userId"] = Field.Id,
        ["applicationUserId"] = Field.Id,
        ["displayName"] = Field.Name,
        ["name"] = Field.Name,
        ["fullName"] = Field.Name,
        ["firstName"] = Field.First,
        ["givenName"] = Field.First,
        ["lastName"] = Field.Last,
        ["surname"] = Field.Last,
        ["familyName"] = Field.Last,
        ["userName"] = Field.UserName,
        ["email"] = Field.Email,
        ["emailAddress"] = Field.Email,
        ["role"] = Field.Role,
        ["roleName"] = Field.Role,
        ["roles"] = Field.Roles,
        ["companyId"] = Field.CompanyId,
        ["company"] = Field.Company,
        ["companyName"] = Field.Company,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> FieldsBySpan =
        Fields.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A document parsed elsewhere may have allowed these; its bytes are read as it read them.</summary>
    private static readonly JsonReaderOptions AsParsed = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Longest name or shared value decoded on the stack; longer (rare) ones take the allocating path.</summary>
    private const int MaxStackText = 64;

    private enum Field
    {
        Other, Id, Name, First, Last, UserName, Email, Role, Roles, CompanyId, Company,
    }

    /// <summary>
    /// Reads the whole body into a pooled buffer, then the list from it: a bare array straight from the bytes, an
    /// object (a wrapper around the list) through <see cref="Read(JsonElement)"/>.
    /// </summary>
    public static async Task<IReadOnlyList<AIRiskUser>> ReadAsync(Stream json, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(json.CanSeek ? (int)Math.Clamp(json.Length - json.Position + 1, 1, Array.MaxLength) : 1 << 16);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await json.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                    break;
                length += read;
            }

            return Read(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static IReadOnlyList<AIRiskUser> Read(JsonElement root)
    {
        var array = JsonFields.Array(root, Wrappers)
            ?? throw new JsonException("The user list is neither an array nor an object wrapping one (users, data, items, value).");
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(array), AsParsed);
        reader.Read();
        return ReadArray(ref reader, array.GetArrayLength());
    }

    private static IReadOnlyList<AIRiskUser> Read(ReadOnlyMemory<byte> json)
    {
        // Skipped as JsonDocument.ParseAsync skips it, which read this body before.
        if (json.Span.StartsWith(Encoding.UTF8.Preamble))
            json = json[Encoding.UTF8.Preamble.Length..];
        var reader = new Utf8JsonReader(json.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }

        var users = ReadArray(ref reader, capacity: 0);
        // Anything after the list but white space is malformed, as it is to JsonDocument.
        reader.Read();
        return users;
    }

    /// <summary>Reads the array whose start the reader is on, skipping elements that are not objects or have no id.</summary>
    private static List<AIRiskUser> ReadArray(ref Utf8JsonReader reader, int capacity)
    {
        var users = new List<AIRiskUser>(capacity);
        var scope = new ReadScope();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
                reader.Skip();
            else if (ReadUser(ref reader, scope) is { } user)
                users.Add(user);
        }

        return users;
    }

    /// <summary>Reads the object the reader is on, leaving it on the object's end.</summary>
    private static AIRiskUser? ReadUser(ref Utf8JsonReader reader, ReadScope scope)
    {
        string? id = null, name = null, first = null, last = null, userName = null, email = null, role = null, company = null, companyId = null;
        // Where the user name's detail is, while its text waits in scope.UserName for the email.
        int pendingUserName = -1, pendingLength = 0;
        var details = scope.Details;
        var roles = scope.Roles;
        details.Clear();
        roles.Clear();

        Span<char> buffer = stackalloc char[MaxStackText];
        for (var position = 0; reader.Read() && reader.TokenType == JsonTokenType.PropertyName; position++)
        {
            // Users mostly list the same fields in the same order: the name at this position is most often the
            // previous user's, known from its bytes without decoding or looking it up.
            if (!scope.Names.TryRecall(position, ref reader, out var field, out var sentName))
            {
                var nameLength = -1;
                string? longName = null;
                if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= buffer.Length)
                    nameLength = Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
                else
                    longName = reader.GetString()!;
                field = longName is not null ? Fields.GetValueOrDefault(longName) : FieldsBySpan.TryGetValue(buffer[..nameLength], out var known) ? known : Field.Other;
                // As a string only if it is kept, as a detail's name: one per distinct name.
                sentName = field is Field.Name or Field.First or Field.Last or Field.UserName or Field.Other
                    ? longName ?? scope.Shared(buffer[..nameLength])
                    : null;
                scope.Names.Remember(position, ref reader, field, sentName);
            }

            reader.Read();
            // Kept as sent for the details view: unknown fields, and the naming fields, which the display name hides.
            string? asSent = null;
            switch (field)
            {
                case Field.Id when id is null:
                    id = AsString(ref reader);
                    break;
                case Field.Name:
                    asSent = AsString(ref reader);
                    name ??= Blank(asSent);
                    break;
                case Field.First:
                    asSent = Shared(ref reader, blank: false, buffer, scope);
                    first = Blank(asSent);
                    break;
                case Field.Last:
                    asSent = Shared(ref reader, blank: false, buffer, scope);
                    last = Blank(asSent);
                    break;
                case Field.UserName:
                    Settle(details, ref pendingUserName, scope.UserName.AsSpan(0, pendingLength), null, ref userName);
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= scope.UserName.Length)
                    {
                        pendingLength = Encoding.UTF8.GetChars(reader.ValueSpan, scope.UserName);
                        pendingUserName = details.Count;
                        details.Add(new(sentName!, ""));
                    }
                    else
                    {
                        asSent = AsString(ref reader);
                        userName = Blank(asSent);
                    }

                    break;
                case Field.Email:
                    email = Blank(AsString(ref reader));
                    break;
                case Field.Role or Field.Roles:
                    AddRoles(ref reader, roles, buffer, scope);
                    role ??= roles.Count > 0 ? roles[0] : null;
                    break;
                case Field.CompanyId:
                    companyId = Shared(ref reader, blank: false, buffer, scope);
                    break;
                case Field.Company:
                    company = reader.TokenType == JsonTokenType.StartObject
                        // Rare enough to read through JsonElement, which has the case-insensitive lookup.
                        ? JsonFields.FirstString(JsonElement.ParseValue(ref reader), "name", "companyName")
                        : Shared(ref reader, blank: true, buffer, scope);
                    break;
                case Field.Other:
                    asSent = AsString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }

            if (asSent is not null)
                details.Add(new(sentName!, asSent));
        }

        if (string.IsNullOrWhiteSpace(id))
            return null;

        Settle(details, ref pendingUserName, scope.UserName.AsSpan(0, pendingLength), email, ref userName);
        var displayName = name
            ?? Join(first, last)
            ?? userName
            ?? email
            ?? id;
        return new AIRiskUser(id, displayName, email, role, company, companyId)
        {
            Details = details.Count == 0 ? [] : details.ToArray(),
            Roles = roles.Count == 0 ? [] : roles.Count == 1 ? scope.Only(roles[0]) : roles.ToArray(),
        };
    }

    /// <summary>
    /// Puts the pending user name, if any, into its detail and <paramref name="userName"/>: as <paramref name="email"/>
    /// itself when it is the same text (the usual case: one string kept, not two).
    /// </summary>
    private static void Settle(List<KeyValuePair<string, string>> details, ref int pending, ReadOnlySpan<char> text, string? email, ref string? userName)
    {
        if (pending < 0)
            return;
        var sent = email is not null && text.SequenceEqual(email) ? email : text.ToString();
        details[pending] = new(details[pending].Key, sent);
        pending = -1;
        userName = Blank(sent);
    }

    /// <summary>As <see cref="JsonFields.AsString"/>: a string, a number's text, true or false; <c>null</c> for anything else, which is skipped.</summary>
    private static string? AsString(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// The value, trimmed and <c>null</c> if blank when <paramref name="blank"/> is set, as the one string shared by
    /// every user with the same text: decoded into <paramref name="buffer"/> to be looked up, not allocated.
    /// </summary>
    private static string? Shared(ref Utf8JsonReader reader, bool blank, scoped Span<char> buffer, ReadScope scope)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length > buffer.Length)
            return blank ? Blank(AsString(ref reader)) : AsString(ref reader);

        var text = buffer[..Encoding.UTF8.GetChars(reader.ValueSpan, buffer)];
        if (blank)
        {
            text = text.Trim();
            if (text.IsEmpty)
                return null;
        }

        return scope.Shared(text);
    }

    /// <summary>A role field may be one string or an array of them; every one counts (a protected role may not come first).</summary>
    private static void AddRoles(ref Utf8JsonReader reader, List<string> roles, scoped Span<char> buffer, ReadScope scope)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                AddRoles(ref reader, roles, buffer, scope);
        }
        else if (Shared(ref reader, blank: true, buffer, scope) is { } role && !HasRole(roles, role))
        {
            roles.Add(role);
        }
    }

    /// <summary>A loop, not LINQ's Contains with a comparer: that enumerates the list through a boxed enumerator per user.</summary>
    private static bool HasRole(List<string> roles, string role)
    {
        foreach (var known in roles)
        {
            if (string.Equals(known, role, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Join(string? first, string? last) =>
        first is null && last is null ? null : $"{first} {last}".Trim();

    /// <summary>What one read shares across its users: scratch lists, and one string (or role list) per distinct text.</summary>
    private sealed class ReadScope
    {
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _strings =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        private readonly Dictionary<string, ReadOnlyCollection<string>> _onlyRoles = new(StringComparer.Ordinal);

        /// <summary>One user's details as they are read, copied out at the exact size: a list per user would be kept, half empty.</summary>
        public List<KeyValuePair<string, string>> Details { get; } = [];

        public List<string> Roles { get; } = [];

        public FieldMemory Names { get; } = new();

        /// <summary>A user name as sent, decoded but not yet a string: until the email is known, which it most often equals.</summary>
        public char[] UserName { get; } = new char[MaxStackText];

        public string Shared(ReadOnlySpan<char> text)
        {
            if (_strings.TryGetValue(text, out var known))
                return known;
            var added = text.ToString();
            _strings[added] = added;
            return added;
        }

        /// <summary>The roles of a user with only <paramref name="role"/>: one read-only list shared by all of them.</summary>
        public ReadOnlyCollection<string> Only(string role)
        {
            if (!_onlyRoles.TryGetValue(role, out var only))
                _onlyRoles[role] = only = Array.AsReadOnly([role]);
            return only;
        }
    }

    /// <summary>Which field each position of the previous user held, by its name's bytes.</summary>
    private sealed class FieldMemory
    {
        private const int Positions = 32;

        private readonly byte[]?[] _names = new byte[Positions][];
        private readonly Field[] _fields = new Field[Positions];
        private readonly string?[] _sentNames = new string?[Positions];

        public bool TryRecall(int position, ref Utf8JsonReader reader, out Field field, out string? sentName)
        {
            if (position < Positions && !reader.ValueIsEscaped && _names[position] is { } name && reader.ValueSpan.SequenceEqual(name))
            {
                field = _fields[position];
                sentName = _sentNames[position];
                return true;
            }

            field = Field.Other;
            sentName = null;
            return false;
        }

        public void Remember(int position, ref Utf8JsonReader reader, Field field, string? sentName)
        {
            if (position >= Positions || reader.ValueIsEscaped)
                return;
            _names[position] = reader.ValueSpan.ToArray();
            _fields[position] = field;
            _sentNames[position] = sentName;
        }
    }
}
