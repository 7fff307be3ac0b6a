using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Endpoints.Contracts;

internal sealed record AgentDto(string Id, string Name, string Description, IReadOnlyList<GreetingDto>? BotSuggestion)
{
    public static AgentDto From(SandboxAgent agent) => new(
        Ids.Format(agent.Id),
        agent.Name,
        agent.Description,
        // The spec marks botSuggestion optional; agents without greetings send null, as a nullable navigation would.
        agent.Greetings.Count == 0 ? null : [.. agent.Greetings.Select(g => new GreetingDto(g))]);
}
