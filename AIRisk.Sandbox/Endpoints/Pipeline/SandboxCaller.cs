using AIRisk.Sandbox.Auth;
using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Endpoints.Pipeline;

/// <summary>Who an authenticated API request acts as; set by the gate.</summary>
internal sealed record SandboxCaller(AccessGrant Grant, SandboxUser? User);
