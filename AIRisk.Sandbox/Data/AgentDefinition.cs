namespace AIRisk.Sandbox.Data;

internal sealed record AgentDefinition(string Name, string Description, IReadOnlyList<string> Greetings);
