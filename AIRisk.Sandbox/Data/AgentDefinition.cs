namespace AIRisk.Sandbox;

internal sealed record AgentDefinition(string Name, string Description, IReadOnlyList<string> Greetings);
