using AIRisk.Core.Configuration;
using AIRisk.Sandbox;
using AIRisk.Web.Tickets;

namespace AIRisk.Web.Hosting;

/// <summary>
/// With no AIRisk instance configured, the dashboard runs against an in-process sandbox on loopback, seeded with
/// demo users, so that <c>dotnet run --project AIRisk.Web</c> works on a fresh machine with no <c>.env</c>.
/// </summary>
internal static partial class EmbeddedSandbox
{
    public const string DefaultRedirectUri = "http://localhost/callback";

    /// <returns>The running sandbox, or <c>null</c> when <c>AIRISK_BASE_URL</c> names a real instance.</returns>
    public static async Task<SandboxHost?> StartIfUnconfiguredAsync(WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration[AIRiskKeys.BaseUrl]))
            return null;

        var redirectUri = builder.Configuration[AIRiskKeys.RedirectUri] is { Length: > 0 } configured ? configured : DefaultRedirectUri;
        var sandbox = await SandboxHost.StartAsync(o => o.RedirectUris = [redirectUri]);

        // The sandbox's own demo APIUser replaces any credentials meant for a real instance.
        builder.Configuration.AddInMemoryCollection(sandbox.ClientSettings());

        Console.WriteLine($"No {AIRiskKeys.BaseUrl} set: using the embedded AIRisk sandbox at {sandbox.BaseAddress} ({sandbox.State.Data.Users.Count} demo users).");

        // Tickets show with no set-up: the sandbox's Zendesk, with its demo API account, unless a ticket system is chosen.
        if (string.IsNullOrWhiteSpace(builder.Configuration[TicketOptions.SystemKey]))
        {
            builder.Configuration.AddInMemoryCollection(sandbox.TicketSettings());
            Console.WriteLine($"No {TicketOptions.SystemKey} set: using the embedded sandbox's Zendesk (an open ticket for most demo users, numbered from 1001).");
        }
        return sandbox;
    }
}
