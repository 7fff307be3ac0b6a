using System.Text.Json;
using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.OAuth;

/// <summary>The token endpoint takes form, multipart and JSON bodies; field names match in any case.</summary>
internal static class TokenRequestReader
{
    /// <returns>The body's fields; empty when the body is missing or unreadable, which the caller answers with 400.</returns>
    public static async Task<Dictionary<string, string>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                return fields;
            }
            foreach (var (key, value) in form)
                fields.TryAdd(key, value.ToString());
        }
        else if (request.HasJsonContentType() && await JsonBody.ReadObjectAsync(request, ct) is { } body)
        {
            foreach (var property in body.EnumerateObject())
            {
                if (property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                    fields.TryAdd(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
            }
        }
        return fields;
    }
}
