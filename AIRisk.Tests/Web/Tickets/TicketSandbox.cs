using System.Globalization;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Requests;
using AIRisk.Web.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Tickets;

/// <summary>The sandbox on loopback and a ticket system the console's way (<c>AddAIRiskTickets</c>) pointed at its Zendesk or Jira.</summary>
internal sealed class TicketSandbox : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TicketSandbox(SandboxHost sandbox, ServiceProvider services, ITicketSystem system) => (Sandbox, _services, System) = (sandbox, services, system);

    public SandboxHost Sandbox { get; }

    public ITicketSystem System { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Requests the ticket APIs were sent (not the control endpoints).</summary>
    public int TicketRequests => Sandbox.State.Requests.Count(RequestKind.Tickets);

    /// <param name="system"><c>zendesk</c> or <c>jira</c>.</param>
    /// <param name="overrides">Keys set over the sandbox's own (a wrong token, a short timeout).</param>
    public static async Task<TicketSandbox> StartAsync(string system, Dictionary<string, string?>? overrides = null)
    {
        var sandbox = await SandboxHost.StartAsync(ct: Ct);
        var settings = sandbox.TicketSettings(system);
        foreach (var (key, value) in overrides ?? [])
            settings[key] = value;
        var services = Services(settings);
        return new TicketSandbox(sandbox, services, services.GetRequiredService<ITicketSystem>());
    }

    public static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddAIRiskTickets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

    /// <summary>The ticket's id as the system's staff type it: Zendesk's number, Jira's key.</summary>
    public string IdOf(SandboxTicket ticket) => System.Name == "Jira" ? ticket.JiraKey : ticket.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The path prefix of the ticket API's requests, for faults.</summary>
    public string ApiPrefix => System.Name == "Jira" ? "/rest/" : "/api/v2/";

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
