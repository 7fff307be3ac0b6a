namespace AIRisk.Sandbox;

internal sealed record SandboxCompany(Guid Id, string Name, string Domain);
