using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace AIRisk.Core.Api;

/// <summary>
/// Reads ListUsers leniently, as its shape is undocumented beyond "names and ids": a JSON array or an object
/// wrapping one; several spellings of the id; a display name built from whatever naming fields exist.
/// </summary>
public static class UserListReader
{
    private static readonly string[] Wrappers = ["users", "data", "items", "value", "results"];

    private static readonly FrozenDictionary<string, Field> Fields = new Dictionary<string, Field>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = Field.Id, ["userId"] = Field.Id, ["applicationUserId"] = Field.Id,
        ["displayName"] = Field.Name, ["name"] = Field.Name, ["fullName"] = Field.Name,
        ["firstName"] = Field.First, ["givenName"] = Field.First,
        ["lastName"] = Field.Last, ["surname"] = Field.Last, ["familyName"] = Field.Last,
        ["userName"] = Field.UserName,
        ["email"] = Field.Email, ["emailAddress"] = Field.Email,
        ["role"] = Field.Role, ["roleName"] = Field.Role, ["roles"] = Field.Roles,
        ["companyId"] = Field.CompanyId,
        ["company"] = Field.Company, ["companyName"] = Field.Company,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Field>.AlternateLookup<ReadOnlySpan<char>> FieldsBySpan =
        Fields.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longest property name looked up without allocating it; longer (rare) names take the allocating path.</summary>
    private const int MaxStackName = 64;

    private enum Field
    {
        Other, Id, Name, First, Last, UserName, Email, Role, Roles, CompanyId, Company,
    }

    public static async Task<IReadOnlyList<AIRiskUser>> ReadAsync(Stream json, CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(json, cancellationToken: ct);
        return Read(document.RootElement);
    }

    public static IReadOnlyList<AIRiskUser> Read(JsonElement root)
    {
        var array = JsonFields.Array(root, Wrappers)
            ?? throw new JsonException("The user list is neither an array nor an object wrapping one (users, data, items, value).");

        var users = new List<AIRiskUser>(array.GetArrayLength());
        // Field names kept as sent repeat on every user: one string per name, not one per user.
        var otherNames = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // One scratch list for every user; each keeps an array of exactly its own fields (100,000 users: no growth slack).
        var details = new List<KeyValuePair<string, string>>();
        foreach (var element in array.EnumerateArray())
        {
            if (ReadUser(element, otherNames, details) is { } user)
                users.Add(user);
        }

        return users;
    }

    private static AIRiskUser? ReadUser(
        JsonElement element, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> otherNames, List<KeyValuePair<string, string>> details)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;

        string? id = null, name = null, first = null, last = null, userName = null, email = null, role = null, company = null, companyId = null;
        details.Clear();
        List<string>? roles = null;

        Span<char> buffer = stackalloc char[MaxStackName];
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var nameLength = NameOf(property, buffer);
            var field = nameLength < 0 ? Fields.GetValueOrDefault(property.Name) : FieldsBySpan.TryGetValue(buffer[..nameLength], out var known) ? known : Field.Other;
            // Kept as sent for the details view: unknown fields, and the naming fields, which the display name hides.
            string? asSent = null;
            switch (field)
            {
                case Field.Id:
                    id ??= JsonFields.AsString(value);
                    break;
                case Field.Name:
                    asSent = JsonFields.AsString(value);
                    name ??= Blank(asSent);
                    break;
                case Field.First:
                    asSent = JsonFields.AsString(value);
                    first = Blank(asSent);
                    break;
                case Field.Last:
                    asSent = JsonFields.AsString(value);
                    last = Blank(asSent);
                    break;
                case Field.UserName:
                    asSent = JsonFields.AsString(value);
                    userName = Blank(asSent);
                    break;
                case Field.Email:
                    email = Blank(JsonFields.AsString(value));
                    break;
                case Field.Role:
                case Field.Roles:
                    AddRoles(value, ref roles);
                    role ??= roles?[0];
                    break;
                case Field.CompanyId:
                    companyId = JsonFields.AsString(value);
                    break;
                case Field.Company:
                    company = value.ValueKind == JsonValueKind.Object ? JsonFields.FirstString(value, "name", "companyName") : Blank(JsonFields.AsString(value));
                    break;
                default:
                    asSent = JsonFields.AsString(value);
                    break;
            }

            if (asSent is not null)
                details.Add(new(SentName(property, buffer, nameLength, otherNames), asSent));
        }

        if (string.IsNullOrWhiteSpace(id))
            return null;

        var displayName = name
            ?? Join(first, last)
            ?? userName
            ?? email
            ?? id;
        return new AIRiskUser(id, displayName, email, role, company, companyId) { Details = details.Count == 0 ? [] : details.ToArray(), Roles = roles ?? [] };
    }

    /// <summary>
    /// Copies the property's name into <paramref name="buffer"/> without allocating a string for it (100,000 users
    /// have a million property names). Returns -1 when it does not fit or is escaped; the caller then uses
    /// <see cref="JsonProperty.Name"/>.
    /// </summary>
    private static int NameOf(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > buffer.Length || raw.Contains((byte)'\\'))
            return -1;
        return Encoding.UTF8.GetChars(raw, buffer);
    }

    private static string SentName(JsonProperty property, ReadOnlySpan<char> buffer, int length, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names)
    {
        if (length < 0)
            return property.Name;
        var name = buffer[..length];
        if (names.TryGetValue(name, out var known))
            return known;
        var added = name.ToString();
        names[added] = added;
        return added;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Join(string? first, string? last) =>
        first is null && last is null ? null : $"{first} {last}".Trim();

    /// <summary>A role field may be one string or an array of them; every one counts (a protected role may not come first).</summary>
    private static void AddRoles(JsonElement value, ref List<string>? roles)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
                AddRoles(item, ref roles);
        }
        else if (Blank(JsonFields.AsString(value)) is { } role && (roles is null || !roles.Contains(role, StringComparer.OrdinalIgnoreCase)))
        {
            (roles ??= []).Add(role);
        }
    }
}
