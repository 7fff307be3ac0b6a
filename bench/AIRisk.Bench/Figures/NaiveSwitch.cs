using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using AIRisk.Bench.Support;
using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Bench.Figures;

/// <summary>
/// <c>switch_naive_ms</c>: the same switch done as the AIRisk docs' reference flow does it, i.e. a page reload that
/// keeps nothing: the generic flow, the user list again, the user's flow, then agents and conversations, each call
/// awaited before the next (7 round trips). The OAuth steps use Core's own flow with no token cache, so the only
/// difference from ours is what is cached and what runs in parallel.
/// </summary>
public sealed class NaiveSwitch(BenchSandbox sandbox, DashboardServices services) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = sandbox.Host.BaseAddress };

    public async Task<Samples> MeasureAsync(IEnumerable<int> users, CancellationToken ct)
    {
        var samples = new Samples();
        foreach (var index in users)
        {
            var start = Stopwatch.GetTimestamp();
            await RunAsync(sandbox.User(index).Id, ct);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return samples;
    }

    private async Task RunAsync(string userId, CancellationToken ct)
    {
        await using var scope = services.Services.CreateAsyncScope();
        var flow = scope.ServiceProvider.GetRequiredService<IAuthorizationFlow>();

        var generic = await flow.RunAsync(null, null, ct);
        var users = await GetAsync(AIRiskPaths.ListUsers, generic, UserListReader.Read, ct);
        if (!users.Any(u => u.Id == userId))
            throw new InvalidOperationException($"User {userId} is not in the list.");
        var token = await flow.RunAsync(userId, generic, ct);
        await GetAsync(AIRiskPaths.ListAgents, token, root => root.GetArrayLength(), ct);
        await GetAsync($"{AIRiskPaths.GetConversations}?results=20&skip=0&metadatasearch=", token, root => root.GetArrayLength(), ct);
    }

    private async Task<T> GetAsync<T>(string path, AccessToken token, Func<JsonElement, T> read, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        return read(document.RootElement);
    }

    public void Dispose() => _http.Dispose();
}
