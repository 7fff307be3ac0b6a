namespace AIRisk.Sandbox;

internal sealed record SandboxAgent(Guid Id, string Name, string Description, IReadOnlyList<string> Greetings);
