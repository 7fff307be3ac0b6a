namespace AIRisk.Sandbox.Data;

/// <summary>Immutable: a change replaces the conversation, so readers never see a half-made one.</summary>
internal sealed record SandboxConversation(
    Guid Id,
    string Title,
    Guid BotId,
    Guid UserId,
    DateTimeOffset CreatedDate,
    DateTimeOffset LastUpdated,
    IReadOnlyList<string> Metadata,
    IReadOnlyList<SandboxMessage> Messages)
{
    public bool Matches(string search) =>
        Title.Contains(search, StringComparison.OrdinalIgnoreCase)
        || Metadata.Any(m => m.Contains(search, StringComparison.OrdinalIgnoreCase));
}
