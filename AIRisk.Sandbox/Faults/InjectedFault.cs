namespace AIRisk.Sandbox.Faults;

internal sealed record InjectedFault(FaultKind Kind, int Status);
