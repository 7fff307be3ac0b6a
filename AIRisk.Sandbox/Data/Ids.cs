namespace AIRisk.Sandbox.Data;

/// <summary>Ids are GUIDs; callers may send any casing or format, so they are compared and sent in one canonical form.</summary>
internal static class Ids
{
    public static string Normalize(string id) =>
        Guid.TryParse(id, out var guid) ? Format(guid) : id.Trim();

    public static string Format(Guid id) => id.ToString("D");
}
