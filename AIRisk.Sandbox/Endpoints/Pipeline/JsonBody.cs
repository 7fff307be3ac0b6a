using System.Text.Json;

namespace AIRisk.Sandbox;

/// <summary>Request bodies are read as loosely as ASP.NET Core binds them: property names in any case.</summary>
internal static class JsonBody
{
    /// <returns>The body's root object, or null when the body isn't a JSON object.</returns>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? Property(this JsonElement body, string name)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }
        return null;
    }

    public static string? StringProperty(this JsonElement body, string name) =>
        body.Property(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
