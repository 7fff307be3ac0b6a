using System.Globalization;
using System.Text.Json;

namespace AIRisk.Core.Api;

/// <summary>Lenient field access for AIRisk's loosely documented JSON: names match case-insensitively, values may be strings or numbers.</summary>
internal static class JsonFields
{
    public static string? String(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
            return null;
        if (obj.TryGetProperty(name, out var exact))
            return AsString(exact);
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return AsString(property.Value);
        }

        return null;
    }

    public static string? FirstString(JsonElement obj, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (String(obj, name) is { Length: > 0 } value)
                return value;
        }

        return null;
    }

    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object)
            return false;
        if (obj.TryGetProperty(name, out value))
            return true;
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    public static DateTimeOffset? Date(JsonElement obj, string name) =>
        String(obj, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    public static bool Bool(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) && value.ValueKind == JsonValueKind.True;

    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>The array itself, or the first array found under one of <paramref name="wrappers"/>.</summary>
    public static JsonElement? Array(JsonElement root, params ReadOnlySpan<string> wrappers)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return root;
        foreach (var wrapper in wrappers)
        {
            if (TryGet(root, wrapper, out var inner) && inner.ValueKind == JsonValueKind.Array)
                return inner;
        }

        return null;
    }
}
