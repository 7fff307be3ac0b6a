using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Hosting.Health;

/// <summary>
/// Whether AIRisk can be used: in server mode, a generic token can be had (from the shared cache, else through the
/// real flow), so wrong client credentials show here and not only on the first click; in browser mode, whether
/// AIRisk answers at all. The result is kept for <see cref="CacheFor"/> so <c>/healthz</c> cannot hammer AIRisk.
/// </summary>
internal sealed class AIRiskHealthCheck(
    IHttpClientFactory clients,
    IOptions<AIRiskOptions> options,
    ITokenProvider tokens,
    IServiceScopeFactory scopes,
    HealthProbeCache cache) : IHealthCheck
{
    public const string ClientName = "airisk-health";

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    /// <summary>A probe answers within this, whatever AIRisk does.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    // The probe is shared by every caller for a while, so it runs on its own timeout, not on one request's.
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetAsync(nameof(AIRiskHealthCheck), CacheFor, () => ProbeAsync(context.Registration.FailureStatus)).WaitAsync(cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(HealthStatus failure)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        var ct = timeout.Token;
        try
        {
            if (options.Value.AuthMode == AuthMode.Server)
            {
                await using var scope = scopes.CreateAsyncScope();
                var token = await tokens.GetAsync(null, scope.ServiceProvider.GetRequiredService<IAuthorizationFlow>(), ct);
                return HealthCheckResult.Healthy($"AIRisk issues tokens (the generic one is valid until {token.ExpiresAt:O}).");
            }

            var http = clients.CreateClient(ClientName);
            using var response = await http.GetAsync(options.Value.BaseUrl, HttpCompletionOption.ResponseHeadersRead, ct);
            return HealthCheckResult.Healthy($"AIRisk answered {(int)response.StatusCode}.");
        }
        catch (AIRiskAuthException e) when (e.CredentialsRefused)
        {
            // The message already names the keys to check (never the secret).
            return new HealthCheckResult(failure, $"AIRisk refused this console's credentials: {e.Message}");
        }
        catch (AIRiskApiException e)
        {
            return new HealthCheckResult(failure, $"No token could be had from AIRisk: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return new HealthCheckResult(failure, $"AIRisk could not be reached: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            return new HealthCheckResult(failure, $"AIRisk did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }
    }
}
