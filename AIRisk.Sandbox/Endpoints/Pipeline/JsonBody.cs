using System.Text.Json;

namespace AIRisk.Sandbox.Endpoints.Pipeline;

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

    /// <summary>
    /// The JSON object a chat call requires: answers 415 for another content type and 400 for a body that is not a
    /// JSON object, and returns null when it did.
    /// </summary>
    public static async Task<JsonElement?> ReadRequiredObjectAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            await SandboxResults.ProblemAsync(context, StatusCodes.Status415UnsupportedMediaType);
            return null;
        }

        if (await ReadObjectAsync(context.Request, context.RequestAborted) is not { } body)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Invalid request body");
            return null;
        }

        return body;
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
