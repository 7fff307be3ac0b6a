using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AIRisk.Core: options, the OAuth2 flow, the shared token cache, TokenState and the typed API clients.</summary>
public static class AIRiskCoreServiceCollectionExtensions
{
    /// <param name="services">The container.</param>
    /// <param name="configuration">Where the flat keys of <see cref="AIRiskKeys"/> are read (the environment, after <c>.env</c>).</param>
    public static IServiceCollection AddAIRiskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFlatOptions<AIRiskOptions, AIRiskOptionsValidator>(o => AIRiskOptionsBinder.Bind(configuration, o));

        services.TryAddSingleton(TimeProvider.System);
        services.AddConsoleTelemetry();
        services.AddHybridCache();
        services.TryAddSingleton<ITokenProvider, TokenProvider>();
        services.TryAddSingleton<ITokenEvictions, NoTokenEvictions>();
        services.TryAddSingleton<AuthorizationStateStore>();
        services.TryAddSingleton<PathMemory>();
        services.TryAddScoped<IAuthorizationFlow, ServerAuthorizationFlow>();
        services.TryAddScoped<TokenState>();
        services.TryAddScoped<IRenewalGate, OpenRenewalGate>();
        services.TryAddScoped<ActingTokens>();

        // A code is single-use, so the token POST is never retried; the whole flow is re-run instead.
        // No cookie container on any AIRisk client: the pooled handler is shared by every user's calls, and a cookie
        // AIRisk set while serving one user would otherwise ride along on the next user's.
        services.AddHttpClient<AIRiskOAuthClient>(ConfigureBaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddStandardResilienceHandler().Configure(ConfigureResilience);
        services.AddHttpClient<AIRiskUsersClient>(ConfigureBaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false })
            .AddStandardResilienceHandler().Configure(ConfigureResilience);
        services.AddHttpClient<AIRiskChatClient>(ConfigureBaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false })
            .AddStandardResilienceHandler().Configure(ConfigureResilience);

        return services;
    }

    /// <summary>The console's meter and spans (<see cref="AIRisk.Core.Telemetry.ConsoleTelemetry"/>), for whatever records to them.</summary>
    public static IServiceCollection AddConsoleTelemetry(this IServiceCollection services)
    {
        services.AddOptions();
        services.AddMetrics();
        services.TryAddSingleton<AIRisk.Core.Telemetry.ConsoleTelemetry>();
        return services;
    }

    private static void ConfigureBaseAddress(IServiceProvider services, HttpClient http)
    {
        var options = services.GetRequiredService<IOptions<AIRiskOptions>>().Value;
        http.BaseAddress = options.BaseUrl;
        // The resilience pipeline owns timeouts; a reply stream may legitimately outlive any fixed client timeout.
        http.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, IServiceProvider services)
    {
        var timeout = services.GetRequiredService<IOptions<AIRiskOptions>>().Value.Timeout;
        resilience.AttemptTimeout.Timeout = timeout;
        resilience.TotalRequestTimeout.Timeout = timeout * 3 + TimeSpan.FromSeconds(1);
        resilience.CircuitBreaker.SamplingDuration = timeout * 2 + TimeSpan.FromSeconds(1);
        // Open only when AIRisk is really down (half of at least 20 calls failing): at the default 10 %, a flaky tenant
        // would lock every circuit out for seconds at a time (seen in the soak test).
        resilience.CircuitBreaker.FailureRatio = 0.5;
        resilience.CircuitBreaker.MinimumThroughput = 20;
        // One user's 401, 403 or 404 says nothing about AIRisk's health: only timeouts, transport errors and 5xx count.
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(BreakerFailure.Counts(args.Outcome));
        // People are waiting at the screen: two quick retries of safe calls, never of a POST.
        resilience.Retry.MaxRetryAttempts = 2;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
        resilience.Retry.DisableForUnsafeHttpMethods();
    }
}
