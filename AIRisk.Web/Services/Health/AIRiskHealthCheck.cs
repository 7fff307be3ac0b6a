using AIRisk.Core.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Services.Health;

/// <summary>Whether AIRisk answers at all: any HTTP answer from its root within a few seconds counts as reachable.</summary>
internal sealed class AIRiskHealthCheck(IHttpClientFactory clients, IOptions<AIRiskOptions> options) : IHealthCheck
{
    public const string ClientName = "airisk-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var http = clients.CreateClient(ClientName);
        try
        {
            using var response = await http.GetAsync(options.Value.BaseUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return HealthCheckResult.Healthy($"AIRisk answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"AIRisk could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "AIRisk did not answer within 5 s.");
        }
    }
}
