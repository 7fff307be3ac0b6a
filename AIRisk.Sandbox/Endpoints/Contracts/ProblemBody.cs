namespace AIRisk.Sandbox.Endpoints.Contracts;

/// <summary>The problem+json body ASP.NET Core sends: <c>{"type","title","status","traceId"}</c>.</summary>
internal sealed record ProblemBody(string Type, string Title, int Status, string TraceId);
