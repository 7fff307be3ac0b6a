namespace AIRisk.Core.Api;

/// <summary>An AI agent (a "bot") available to the acting user.</summary>
public sealed record Agent(string Id, string Name, string? Description, IReadOnlyList<string> Suggestions);
