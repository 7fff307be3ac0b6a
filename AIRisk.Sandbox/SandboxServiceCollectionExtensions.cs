using AIRisk.Sandbox;
using AIRisk.Sandbox.Endpoints.Chat;
using AIRisk.Sandbox.Endpoints.Control;
using AIRisk.Sandbox.Endpoints.OAuth;
using AIRisk.Sandbox.Endpoints.Pipeline;
using AIRisk.Sandbox.Endpoints.Tickets;
using AIRisk.Sandbox.Endpoints.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sandbox as singletons. Uses the app's <see cref="TimeProvider"/> when one is registered, so a
    /// FakeTimeProvider drives code and token expiry.
    /// </summary>
    public static IServiceCollection AddAIRiskSandbox(this IServiceCollection services, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(sp => new SandboxState(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SandboxGate>();
        services.AddSingleton<AuthorizeEndpoint>();
        services.AddSingleton<TokenEndpoint>();
        services.AddSingleton<ListUsersEndpoint>();
        services.AddSingleton<ConversationEndpoints>();
        services.AddSingleton<AskAgentEndpoint>();
        services.AddSingleton<AttachmentEndpoint>();
        services.AddSingleton<FeedbackEndpoint>();
        services.AddSingleton<ControlEndpoints>();
        services.AddSingleton<ZendeskEndpoints>();
        services.AddSingleton<JiraEndpoints>();
        services.AddSingleton<TicketControlEndpoints>();
        return services;
    }
}
