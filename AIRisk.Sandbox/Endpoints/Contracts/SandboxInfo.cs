namespace AIRisk.Sandbox.Endpoints.Contracts;

/// <summary>Body of <c>GET /sandbox/info</c>; never the secret.</summary>
internal sealed record SandboxInfo(string ClientId, int UserCount);
