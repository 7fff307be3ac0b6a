using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Web.Acting;
using AIRisk.Web.Acting.AIRiskSignIn;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using AIRisk.Web.Hosting.Health;
using AIRisk.Web.StaffSignIn;
using AIRisk.Web.Tickets;
using AIRisk.Web.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the dashboard: AIRisk.Core, Razor components in interactive server mode, MudBlazor, acting services.</summary>
public static class AIRiskWebServiceCollectionExtensions
{
    public static IServiceCollection AddAIRiskWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddScoped<CircuitHandler, ActingCircuitHandler>();
        services.AddHostedService<StaleSessionSweeper>();
        services.AddAIRiskAudit(configuration, environment.ContentRootPath);
        services.AddAIRiskAlerts(configuration);
        services.AddAIRiskRedis(configuration);
        services.AddAIRiskTelemetry(configuration);
        services.AddStaffSignIn(configuration, environment.IsDevelopment());
        services.AddAIRiskTickets(configuration);
        services.AddHttpClient(AIRiskHealthCheck.ClientName, http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<HealthProbeCache>();
        services.AddHealthChecks()
            .AddCheck<AuditHealthCheck>("audit")
            .AddCheck<AIRiskHealthCheck>("airisk", failureStatus: HealthStatus.Degraded);
        return services.AddAIRiskDashboard(configuration);
    }

    /// <summary>What the dashboard's components need, without hosting or storage (tests render components with this).</summary>
    public static IServiceCollection AddAIRiskDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAIRiskCore(configuration);
        // Messages at the bottom: at the top they would cover the acting banner (a phone has no room beside it).
        services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);

        services.AddFlatOptions<ConsolePolicyOptions, ConsolePolicyOptionsValidator>(o => ConsolePolicyBinder.Bind(configuration, o));
        services.AddSingleton<ImpersonationPolicy>();
        services.AddSingleton<IProtectedTargets>(sp => sp.GetRequiredService<ImpersonationPolicy>());
        services.AddAIRiskDetection(configuration);
        services.AddAIRiskApprovals(configuration);
        services.AddSingleton<UserDirectory>();
        services.AddScoped<StaffContext>();
        services.AddScoped<StaffClient>();
        // Staff sign-in is configured by AddStaffSignIn; without it (and in component tests) there is none to revalidate.
        services.TryAddSingleton(new StaffSignInOptions());
        services.AddMemoryCache();
        services.AddSingleton<StaffSignIns>();
        services.AddSingleton<StaffSignInCheck>();
        services.AddScoped<StaffRevalidator>();
        services.AddSingleton<StaffIdentityProvider>();
        // One client for every staff member's userinfo and refresh calls: a cookie the provider set while answering for one
        // would ride along on the next staff member's call, and a redirect would carry a bearer token somewhere else.
        services.AddHttpClient(StaffIdentityProvider.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        services.AddScoped(sp => new ActingSessionClock(sp.GetRequiredService<IOptions<ConsolePolicyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<IStaffPrompts, DialogStaffPrompts>();
        services.AddScoped<UserDirectoryLoader>();
        services.AddDataProtection();
        services.TryAddScoped<ProtectedSessionStorage>();
        services.TryAddScoped<ITabSessionStorage, ProtectedTabSessionStorage>();

        // The acting session: one tab's switch, resume, single-user start, watch and the one door every ending goes through.
        services.AddScoped<TabSession>();
        services.AddScoped<CircuitDispatcher>();
        services.AddScoped<ActingStatus>();
        services.AddScoped<ActingAudit>();
        services.AddScoped<RecentUsers>();
        services.AddSingleton<SessionRules>();
        services.AddScoped<TargetLookup>();
        services.AddScoped<SessionEnder>();
        // Tickets: the system itself is registered with the tickets' options (none: no ticket field, nothing checked).
        services.TryAddSingleton<TicketCheck>();
        services.AddScoped<GroundsStep>();
        services.AddScoped<TicketRecheck>();
        services.AddScoped<ActingSwitch>();
        services.AddScoped<SessionResume>();
        services.AddScoped<SingleUserMode>();
        services.AddScoped<SessionWatch>();
        services.AddScoped<WriteGuard>();
        // Token renewals ask the console's policy, through the constructor of Core's ActingTokens.
        services.Replace(ServiceDescriptor.Scoped<IRenewalGate, ActingRenewalGate>());

        services.AddScoped<ActingAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<ActingAuthenticationStateProvider>());
        services.AddScoped<IHostEnvironmentAuthenticationStateProvider>(sp => sp.GetRequiredService<ActingAuthenticationStateProvider>());
        services.AddAuthorizationCore();
        // A cascading value source, not the component: a switch re-renders only components that read the state.
        services.AddCascadingAuthenticationState();

        services.AddScoped<BrowserSession>();
        services.Replace(ServiceDescriptor.Scoped<IAuthorizationFlow>(sp =>
            sp.GetRequiredService<IOptions<AIRiskOptions>>().Value.AuthMode == AuthMode.Browser
                ? ActivatorUtilities.CreateInstance<BrowserAuthorizationFlow>(sp)
                : ActivatorUtilities.CreateInstance<ServerAuthorizationFlow>(sp)));
        return services;
    }
}
