namespace AIRisk.Sandbox;

/// <summary>Who an authenticated API request acts as; set by the gate.</summary>
internal sealed record SandboxCaller(AccessGrant Grant, SandboxUser? User);
