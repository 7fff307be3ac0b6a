namespace AIRisk.Sandbox.Data;

internal sealed record SandboxAgent(Guid Id, string Name, string Description, IReadOnlyList<string> Greetings);
