namespace AIRisk.Sandbox.Data;

/// <summary>A name as people write it, and the ASCII form used in e-mail addresses.</summary>
internal sealed record NamePart(string Text, string Slug);
