namespace AIRisk.Sandbox.Data;

internal sealed record SandboxMessage(
    Guid Id,
    MessageType Type,
    string Text,
    string? FileName = null,
    IReadOnlyList<string>? Citations = null,
    string? Feedback = null);
