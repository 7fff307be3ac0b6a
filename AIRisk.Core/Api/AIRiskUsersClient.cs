using System.Net;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Api;

/// <summary>
/// The generic-token side of the API: the user list. Tries the configured ListUsers path first and the other
/// documented one on 404, remembering which answered.
/// </summary>
public sealed class AIRiskUsersClient(HttpClient http, TokenState state, PathMemory paths, IOptions<AIRiskOptions> options, ConsoleTelemetry telemetry)
{
    private const string Operation = "Loading the user list";
    private readonly AuthorizedSender _sender = new(http, options.Value.Timeout, telemetry);

    public async Task<IReadOnlyList<AIRiskUser>> ListUsersAsync(CancellationToken ct)
    {
        AccessToken? last = null;
        async Task<AccessToken> Token(bool refused, CancellationToken c) =>
            last = refused && last is not null ? await state.RenewGenericTokenAsync(last, c) : await state.GetGenericTokenAsync(c);

        HttpResponseMessage? notFound = null;
        foreach (var path in paths.Order(nameof(ListUsersAsync), Candidates()))
        {
            var response = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), Token, Operation, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                notFound?.Dispose();
                notFound = response;
                continue;
            }

            notFound?.Dispose();
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    throw await ErrorResponseReader.ReadAsync(response, Operation, ct);
                paths.Remember(nameof(ListUsersAsync), path);
                return await AuthorizedSender.ReadJsonAsync(response, UserListReader.ReadAsync, Operation, ct);
            }
        }

        using (notFound)
            throw await ErrorResponseReader.ReadAsync(notFound!, $"{Operation} (tried {string.Join(" and ", Candidates())})", ct);
    }

    private string[] Candidates() =>
        [.. new[] { options.Value.ListUsersPath, AIRiskPaths.ListUsers, AIRiskPaths.ListUsersAlternative }.Distinct(StringComparer.OrdinalIgnoreCase)];
}
