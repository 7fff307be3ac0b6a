using System.Text.Json.Serialization;
using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Endpoints.Contracts;

internal sealed record ConversationDto(
    string Id,
    string Title,
    [property: JsonPropertyName("botID")] string BotId,
    [property: JsonPropertyName("userID")] string UserId,
    DateTime CreatedDate,
    DateTime LastUpdated,
    IReadOnlyList<MessageDto> Messages,
    bool HasMore)
{
    public static ConversationDto From(SandboxConversation c) => new(
        Ids.Format(c.Id),
        c.Title,
        Ids.Format(c.BotId),
        Ids.Format(c.UserId),
        c.CreatedDate.UtcDateTime,
        c.LastUpdated.UtcDateTime,
        [.. c.Messages.Select(MessageDto.From)],
        HasMore: false);
}
