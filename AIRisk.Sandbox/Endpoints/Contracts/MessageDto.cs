using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Endpoints.Contracts;

internal sealed record MessageDto(
    string Id,
    string MessageType,
    string Text,
    string? FileName,
    IReadOnlyList<string>? Citations,
    string? Feedback)
{
    public static MessageDto From(SandboxMessage m) =>
        new(Ids.Format(m.Id), m.Type.ToString(), m.Text, m.FileName, m.Citations, m.Feedback);
}
