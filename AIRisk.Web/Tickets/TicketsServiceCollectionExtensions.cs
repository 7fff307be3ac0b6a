using AIRisk.Web.Audit.Streaming;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Tickets;
using AIRisk.Web.Tickets.Notes;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the ticket system (<c>TICKET_SYSTEM</c>): <see cref="TicketOptions"/> always, and when one is configured its
/// <see cref="ITicketSystem"/> and the note each acting session's ticket gets at the end, as a destination of the audit
/// stream's outbox. Without a ticket system no <see cref="ITicketSystem"/> is registered: "no ticket system" (no ticket
/// field, nothing to check) differs from "the ticket system failed" (a message, nothing switched), and a null object
/// would have to fake one or the other. Needs <c>AddAIRiskAudit</c> (the outbox, the sessions).
/// </summary>
public static class TicketsServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskTickets(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddFlatOptions<TicketOptions, TicketOptionsValidator>(o => TicketOptionsBinder.Bind(configuration, o));
        services.AddSingleton(options);
        if (!options.Enabled)
            return services;

        // No resilience handler: a read is retried by staff, who see the message at once; a note by the outbox, which
        // keeps it until the ticket system takes it (a handler's retry of a PUT or POST could add the note twice in one
        // send). No redirects (the basic authentication would follow them elsewhere) and no cookies.
        services.AddHttpClient(TicketApi.ClientName, http => http.Timeout = options.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        if (options.System == TicketSystemKind.Jira)
            services.AddSingleton<ITicketSystem, JiraTicketSystem>();
        else
            services.AddSingleton<ITicketSystem, ZendeskTicketSystem>();

        services.TryAddSingleton(new StaffSignInOptions());
        services.AddSingleton<ConsoleLinks>();
        services.AddSingleton<IAuditStreamDestination, TicketNoteDestination>();
        // Runs the outbox even when the audit trail itself is not streamed anywhere (one instance whoever adds it).
        services.AddHostedService<AuditStreamService>();
        return services;
    }
}
