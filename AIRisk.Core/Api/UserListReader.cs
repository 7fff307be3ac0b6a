using System.Collections.Frozen;
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
        foreach (var element in array.EnumerateArray())
        {
            if (ReadUser(element) is { } user)
                users.Add(user);
        }

        return users;
    }

    private static AIRiskUser? ReadUser(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;

        string? id = null, name = null, first = null, last = null, userName = null, email = null, role = null, company = null, companyId = null;
        List<KeyValuePair<string, string>>? details = null;

        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (Fields.GetValueOrDefault(property.Name))
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
                    role = Blank(JsonFields.AsString(value)) ?? FirstOf(value);
                    break;
                case Field.Roles:
                    role ??= FirstOf(value);
                    break;
                case Field.CompanyId:
                    companyId = JsonFields.AsString(value);
                    break;
                case Field.Company:
                    company = value.ValueKind == JsonValueKind.Object ? JsonFields.FirstString(value, "name", "companyName") : Blank(JsonFields.AsString(value));
                    break;
                default:
                    if (JsonFields.AsString(value) is { } text)
                        (details ??= []).Add(new(property.Name, text));
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
        if (userName is not null && !string.Equals(userName, displayName, StringComparison.Ordinal))
            (details ??= []).Add(new("userName", userName));

        return new AIRiskUser(id, displayName, email, role, company, companyId) { Details = details ?? [] };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Join(string? first, string? last) =>
        first is null && last is null ? null : $"{first} {last}".Trim();

    private static string? FirstOf(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 ? JsonFields.AsString(value[0]) : null;
}
