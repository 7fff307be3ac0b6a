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
        // Unknown field names repeat on every user: one string per name, not one per user.
        var otherNames = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var element in array.EnumerateArray())
        {
            if (ReadUser(element, otherNames) is { } user)
                users.Add(user);
        }

        return users;
    }

    private static AIRiskUser? ReadUser(JsonElement element, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> otherNames)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;

        string? id = null, name = null, first = null, last = null, userName = null, email = null, role = null, company = null, companyId = null;
        List<KeyValuePair<string, string>>? details = null;
        List<string>? roles = null;

        Span<char> buffer = stackalloc char[MaxStackName];
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var nameLength = NameOf(property, buffer);
            var field = nameLength < 0 ? Fields.GetValueOrDefault(property.Name) : FieldsBySpan.TryGetValue(buffer[..nameLength], out var known) ? known : Field.Other;
            switch (field)
            {
                case Field.Id:
                    id ??= JsonFields.AsString(value);
                    break;
                case Field.Name:
                    name ??= Blank(JsonFields.AsString(value));
                    break;
                case Field.First:
                    first = Blank(JsonFields.AsString(value));
                    break;
                case Field.Last:
                    last = Blank(JsonFields.AsString(value));
                    break;
                case Field.UserName:
                    userName = Blank(JsonFields.AsString(value));
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
                    if (JsonFields.AsString(value) is { } text)
                        (details ??= []).Add(new(OtherName(property, buffer, nameLength, otherNames), text));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(id))
            return null;

        var displayName = name
            ?? Join(first, last)
            ?? userName
            ?? email
            ?? id;
        if (userName is not null)
            (details ??= []).Add(new("userName", userName));

        return new AIRiskUser(id, displayName, email, role, company, companyId) { Details = details ?? [], Roles = roles ?? [] };
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

    private static string OtherName(JsonProperty property, ReadOnlySpan<char> buffer, int length, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> names)
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
