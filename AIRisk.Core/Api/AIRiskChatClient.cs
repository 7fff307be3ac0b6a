using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using AIRisk.Core.Auth;
using AIRisk.Core.Configuration;
using AIRisk.Core.Telemetry;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Api;

/// <summary>
/// The user-token side of the API: agents, conversations and chat, always as the circuit's acting user. Each call
/// reads <see cref="TokenState.Current"/> once and uses that identity throughout, so a switch in the middle of a call
/// cannot mix two users' tokens.
/// </summary>
public sealed class AIRiskChatClient(HttpClient http, TokenState state, ActingTokens tokens, PathMemory paths, IOptions<AIRiskOptions> options, ConsoleTelemetry telemetry)
{
    private readonly AuthorizedSender _sender = new(http, options.Value.Timeout, telemetry);

    public Task<IReadOnlyList<Agent>> ListAgentsAsync(CancellationToken ct) =>
        GetJsonAsync(AIRiskPaths.ListAgents, ChatJsonReader.Agents, "Loading agents", ct);

    /// <summary>One page of conversations, newest first. An empty page means there are no more.</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListConversationsAsync(ConversationQuery query, CancellationToken ct)
    {
        const string Operation = "Loading conversations";
        var session = ActiveSession();
        string[] candidates = [AIRiskPaths.GetConversations, AIRiskPaths.GetConversationsAlternative];

        foreach (var basePath in paths.Order(nameof(ListConversationsAsync), candidates))
        {
            var path = query.AgentId is null ? basePath : $"{basePath}/{Uri.EscapeDataString(query.AgentId)}";
            var url = QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
            {
                ["results"] = query.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["skip"] = query.Skip.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["metadatasearch"] = query.Search ?? "",
            });

            using var response = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), TokenFor(session), Operation, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode == HttpStatusCode.NotFound && basePath != candidates[^1])
                continue;
            if (!response.IsSuccessStatusCode)
                throw await ErrorResponseReader.ReadAsync(response, Operation, ct);
            paths.Remember(nameof(ListConversationsAsync), basePath);
            return await AuthorizedSender.ReadJsonAsync(response, ChatJsonReader.Conversations, Operation, ct);
        }

        throw new AIRiskApiException($"{Operation} failed: AIRisk has no conversations endpoint at the documented paths.", 404, null, null);
    }

    public Task<Conversation> GetConversationAsync(string conversationId, CancellationToken ct) =>
        GetJsonAsync($"{AIRiskPaths.GetConversation}/{Uri.EscapeDataString(conversationId)}", ChatJsonReader.Conversation, "Opening the conversation", ct);

    public async Task<Conversation> CreateConversationAsync(string title, string agentId, CancellationToken ct)
    {
        const string Operation = "Starting a conversation";
        var session = ActiveSession();
        using var response = await _sender.SendSuccessfulAsync(
            () => new HttpRequestMessage(HttpMethod.Post, AIRiskPaths.CreateConversation)
            {
                Content = JsonContent.Create(new { title, agentId, metadata = Array.Empty<object>() }),
            },
            TokenFor(session), Operation, HttpCompletionOption.ResponseContentRead, ct);
        return await AuthorizedSender.ReadJsonAsync(response, ChatJsonReader.Conversation, Operation, ct);
    }

    /// <summary>Asks the conversation's agent and yields the reply's text pieces as they arrive.</summary>
    public async IAsyncEnumerable<string> AskAgentAsync(string conversationId, string text, [EnumeratorCancellation] CancellationToken ct)
    {
        var session = ActiveSession();
        using var response = await _sender.SendSuccessfulAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, AIRiskPaths.AskAgent)
                {
                    Content = JsonContent.Create(new { conversationID = conversationId, text }),
                };
                request.Headers.Accept.Add(MediaTypes.EventStream);
                request.Headers.Accept.Add(MediaTypes.Json);
                return request;
            },
            TokenFor(session), "Asking the agent", HttpCompletionOption.ResponseHeadersRead, ct);

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var piece in AskAgentStreamReader.ReadAsync(body, options.Value.Timeout, ct))
            yield return piece;
    }

    public async Task SubmitFeedbackAsync(string conversationId, string messageId, Feedback feedback, CancellationToken ct)
    {
        var session = ActiveSession();
        var url = QueryHelpers.AddQueryString(AIRiskPaths.SubmitFeedback, new Dictionary<string, string?>
        {
            ["conversationId"] = conversationId,
            ["messageId"] = messageId,
            ["feedback"] = feedback.ToString(),
        });
        using var response = await _sender.SendSuccessfulAsync(
            () => new HttpRequestMessage(HttpMethod.Post, url), TokenFor(session), "Sending feedback", HttpCompletionOption.ResponseContentRead, ct);
    }

    /// <summary>Attaches a file. Larger than the configured limit: refused here, before anything is sent.</summary>
    public async Task AttachFileAsync(string conversationId, string fileName, Stream content, CancellationToken ct)
    {
        const string Operation = "Attaching the file";
        var session = ActiveSession();
        var limit = options.Value.MaxUploadBytes;

        // Buffered so the 401 retry can send the same bytes again; the size limit bounds the buffer.
        using var buffer = new MemoryStream();
        await CopyWithLimitAsync(content, buffer, limit, fileName, ct);
        // The stream's own buffer, not a copy: an upload is held in memory once.
        var bytes = buffer.GetBuffer();
        var length = (int)buffer.Length;

        using var response = await _sender.SendSuccessfulAsync(
            () =>
            {
                var form = new MultipartFormDataContent { { new ByteArrayContent(bytes, 0, length), fileName, fileName } };
                return new HttpRequestMessage(HttpMethod.Post, $"{AIRiskPaths.AddFileToConversation}/{Uri.EscapeDataString(conversationId)}") { Content = form };
            },
            TokenFor(session), Operation, HttpCompletionOption.ResponseContentRead, ct);
    }

    private async Task<T> GetJsonAsync<T>(string path, Func<System.Text.Json.JsonElement, T> map, string operation, CancellationToken ct)
    {
        var session = ActiveSession();
        using var response = await _sender.SendSuccessfulAsync(
            () => new HttpRequestMessage(HttpMethod.Get, path), TokenFor(session), operation, HttpCompletionOption.ResponseHeadersRead, ct);
        return await AuthorizedSender.ReadJsonAsync(response, map, operation, ct);
    }

    private ActingIdentity ActiveSession() =>
        state.Current is { IsActing: true } session
            ? session
            : throw new AIRiskApiException("No AIRisk user is active: pick a user to act as first.");

    private Func<bool, CancellationToken, Task<AccessToken>> TokenFor(ActingIdentity session) =>
        (refused, ct) => tokens.GetTokenAsync(session, refused, ct);

    private async Task CopyWithLimitAsync(Stream source, MemoryStream target, long limit, string fileName, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (target.Length + read > limit)
                throw new AIRiskApiException(options.Value.TooLargeToAttach(fileName));
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
        }
    }
}
