namespace AIRisk.Sandbox.Endpoints.Contracts;

/// <summary>Body of <c>POST /sandbox/faults</c>.</summary>
internal sealed record FaultRequest(string? Path, int? Count, string? Kind, int? Status);
