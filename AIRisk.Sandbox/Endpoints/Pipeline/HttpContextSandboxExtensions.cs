using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Requests;
using Microsoft.AspNetCore.Http.Features;

namespace AIRisk.Sandbox.Endpoints.Pipeline;

internal static class HttpContextSandboxExtensions
{
    public static PendingRequest PendingRequest(this HttpContext context) =>
        context.Features.GetRequiredFeature<PendingRequest>();

    /// <summary>The calling user's workspace; chat endpoints only run for user tokens, so there is always a user.</summary>
    public static UserWorkspace Workspace(this HttpContext context, SandboxState state)
    {
        var user = context.Features.GetRequiredFeature<SandboxCaller>().User
            ?? throw new InvalidOperationException("A chat endpoint ran without a user token.");
        return state.Data.Workspace(user);
    }

    public static Guid? RouteGuid(this HttpContext context, string name) =>
        Guid.TryParse(context.Request.RouteValues[name] as string, out var id) ? id : null;
}
