namespace AIRisk.Sandbox.Endpoints.Contracts;

/// <summary>Body of <c>GET /sandbox/requests</c>; <see cref="Total"/> leaves out control requests.</summary>
internal sealed record RequestCounts(int Authorize, int Token, int Api, IReadOnlyDictionary<string, int> TokenByUser, int Total, int ApiRefused, IReadOnlyList<string> ApiRefusedCalls);
