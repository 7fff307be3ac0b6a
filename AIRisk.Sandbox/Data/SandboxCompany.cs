namespace AIRisk.Sandbox.Data;

internal sealed record SandboxCompany(Guid Id, string Name, string Domain);
