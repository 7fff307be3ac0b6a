namespace AIRisk.Sandbox;

internal sealed record InjectedFault(FaultKind Kind, int Status);
