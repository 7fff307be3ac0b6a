using AIRisk.Sandbox;
using AIRisk.Sandbox.Endpoints.Chat;
using AIRisk.Sandbox.Endpoints.Control;
using AIRisk.Sandbox.Endpoints.OAuth;
using AIRisk.Sandbox.Endpoints.Pipeline;
using AIRisk.Sandbox.Endpoints.Tickets;
using AIRisk.Sandbox.Endpoints.Users;
using AIRisk.Sandbox.Requests;

namespace Microsoft.AspNetCore.Routing;

public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>Maps the AIRisk API (<c>/api/...</c>) and the sandbox's control endpoints (<c>/sandbox/...</c>).</summary>
    public static IEndpointRouteBuilder MapAIRiskSandbox(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (services.GetService<SandboxState>() is null)
            throw new InvalidOperationException($"Call services.{nameof(SandboxServiceCollectionExtensions.AddAIRiskSandbox)}() before {nameof(MapAIRiskSandbox)}().");
        var gate = services.GetRequiredService<SandboxGate>();
        var options = services.GetRequiredService<SandboxOptions>();

        var authorize = services.GetRequiredService<AuthorizeEndpoint>();
        var token = services.GetRequiredService<TokenEndpoint>();
        endpoints.MapGet("/api/oauth2", authorize.HandleAsync).Through(gate, EndpointPolicy.Authorize);
        endpoints.MapPost("/api/oauth2/Token", token.HandleAsync).Through(gate, EndpointPolicy.Token);

        var users = services.GetRequiredService<ListUsersEndpoint>();
        endpoints.MapGet("/api/Users/ListUsers", users.HandleAsync)
            .Through(gate, new EndpointPolicy(RequestKind.Api, TokenKind.Generic, () => options.ServeDocumentedListUsersPath));
        endpoints.MapGet("/api/ListUsers", users.HandleAsync)
            .Through(gate, new EndpointPolicy(RequestKind.Api, TokenKind.Generic, () => options.ServeLegacyListUsersPath));

        var conversations = services.GetRequiredService<ConversationEndpoints>();
        var askAgent = services.GetRequiredService<AskAgentEndpoint>();
        var attachment = services.GetRequiredService<AttachmentEndpoint>();
        var feedback = services.GetRequiredService<FeedbackEndpoint>();
        endpoints.MapGet("/api/Chat/ListAgents", conversations.ListAgentsAsync).Through(gate, EndpointPolicy.Chat);
        // One docs page shows the conversation list without /Chat/; both answer the same.
        foreach (var prefix in (string[])["/api/Chat", "/api"])
        {
            endpoints.MapGet($"{prefix}/GetConversations", conversations.ListConversationsAsync).Through(gate, EndpointPolicy.Chat);
            endpoints.MapGet($"{prefix}/GetConversations/{{agentid}}", conversations.ListConversationsAsync).Through(gate, EndpointPolicy.Chat);
        }
        endpoints.MapGet("/api/Chat/GetConversation/{id}", conversations.GetConversationAsync).Through(gate, EndpointPolicy.Chat);
        endpoints.MapPost("/api/Chat/CreateConversation", conversations.CreateConversationAsync).Through(gate, EndpointPolicy.Chat);
        endpoints.MapPost("/api/Chat/AskAgent", askAgent.HandleAsync).Through(gate, EndpointPolicy.Chat with { Streams = true });
        endpoints.MapPost("/api/Chat/AddFileToConversation/{id}", attachment.HandleAsync).Through(gate, EndpointPolicy.Chat);
        endpoints.MapPost("/api/Chat/SubmitFeedback", feedback.HandleAsync).Through(gate, EndpointPolicy.Chat);

        var control = services.GetRequiredService<ControlEndpoints>();
        endpoints.MapGet("/sandbox/requests", control.RequestsAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapPost("/sandbox/requests/reset", control.ResetRequestsAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapPost("/sandbox/faults", control.AddFaultAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapDelete("/sandbox/faults", control.ClearFaultsAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapPost("/sandbox/latency", control.LatencyAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapPost("/sandbox/token-lifetime", control.TokenLifetimeAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapPost("/sandbox/tokens/revoke", control.RevokeTokensAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapPost("/sandbox/stream-format", control.StreamFormatAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapGet("/sandbox/info", control.InfoAsync).Through(gate, EndpointPolicy.Control);
        MapTickets(endpoints, gate);
        return endpoints;
    }

    /// <summary>The ticket system: Zendesk's and Jira's APIs (basic authentication, checked by each endpoint) and their control endpoints.</summary>
    private static void MapTickets(IEndpointRouteBuilder endpoints, SandboxGate gate)
    {
        var services = endpoints.ServiceProvider;
        var zendesk = services.GetRequiredService<ZendeskEndpoints>();
        endpoints.MapGet("/api/v2/tickets/{id}.json", zendesk.GetTicketAsync).Through(gate, EndpointPolicy.Tickets);
        endpoints.MapPut("/api/v2/tickets/{id}.json", zendesk.UpdateTicketAsync).Through(gate, EndpointPolicy.Tickets);
        endpoints.MapGet("/api/v2/users/{id}.json", zendesk.GetUserAsync).Through(gate, EndpointPolicy.Tickets);

        var jira = services.GetRequiredService<JiraEndpoints>();
        endpoints.MapGet("/rest/api/3/issue/{key}", jira.GetIssueAsync).Through(gate, EndpointPolicy.Tickets);
        endpoints.MapPost("/rest/servicedeskapi/request/{key}/comment", jira.AddCommentAsync).Through(gate, EndpointPolicy.Tickets);

        var control = services.GetRequiredService<TicketControlEndpoints>();
        endpoints.MapPost("/sandbox/tickets", control.CreateAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapGet("/sandbox/tickets/{number}", control.GetAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapMethods("/sandbox/tickets/{number}", ["PATCH"], control.UpdateAsync).Through(gate, EndpointPolicy.Control);
        endpoints.MapGet("/sandbox/tickets/{number}/notes", control.NotesAsync).Through(gate, EndpointPolicy.Control);
    }

    /// <summary>
    /// Wraps the endpoint's own delegate, like a middleware scoped to the sandbox's endpoints: the sandbox may be
    /// mapped into a host app whose pipeline it doesn't own.
    /// </summary>
    private static void Through(this IEndpointConventionBuilder builder, SandboxGate gate, EndpointPolicy policy) =>
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate.");
            endpoint.RequestDelegate = context => gate.InvokeAsync(context, inner, policy);
        });
}
