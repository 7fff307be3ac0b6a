namespace AIRisk.Core.Api;

/// <summary>A User or AI message, its text already cleaned of citation markers.</summary>
public sealed record ChatMessage(string? Id, MessageRole Role, string Text, string? FileName, IReadOnlyList<string> Citations, Feedback? Feedback);
