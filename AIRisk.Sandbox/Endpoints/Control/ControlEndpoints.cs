using System.Globalization;
using System.Text.Json;
using AIRisk.Sandbox.Endpoints.Contracts;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;

namespace AIRisk.Sandbox.Endpoints.Control;

/// <summary>
/// <c>/sandbox/*</c>: what in-process tests do through <see cref="SandboxState"/>, over HTTP, for browser tests and
/// benchmarks running the sandbox in another process. Never delayed or faulted.
/// </summary>
internal sealed class ControlEndpoints(SandboxState state, ILogger<ControlEndpoints> logger)
{
    private const string GenericKey = "generic";

    public Task RequestsAsync(HttpContext context)
    {
        var log = state.Requests;
        int authorize = log.Count(RequestKind.Authorize), token = log.Count(RequestKind.Token), api = log.Count(RequestKind.Api);
        // API calls answered 401: a client that used a token after it was refused.
        var refused = log.Snapshot().Where(r => r.Kind == RequestKind.Api && r.Status == StatusCodes.Status401Unauthorized)
            .Select(r => $"{r.At:HH:mm:ss.fff} {r.Method} {r.Path} as {r.UserId ?? GenericKey}").ToList();
        return SandboxResults.JsonAsync(context, new RequestCounts(authorize, token, api, log.TokenCallsByUser(GenericKey), authorize + token + api, refused.Count, refused));
    }

    public Task ResetRequestsAsync(HttpContext context)
    {
        state.Requests.Clear();
        return NoContentAsync(context);
    }

    /// <summary><c>{"path": "/api/Chat/", "count": 1, "kind": "Status", "status": 500}</c>; count and status are optional.</summary>
    public async Task AddFaultAsync(HttpContext context)
    {
        FaultRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<FaultRequest>(context.Request.Body, SandboxJson.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is not { Path.Length: > 0 } || !Enum.TryParse<FaultKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest,
                $"Expected {{\"path\", \"kind\": {string.Join("|", Enum.GetNames<FaultKind>())}, \"count\"?, \"status\"?}}");
            return;
        }

        try
        {
            var (count, status) = (request.Count ?? 1, request.Status ?? StatusCodes.Status500InternalServerError);
            state.Faults.FailNext(request.Path, count, kind, status);
            logger.FaultQueued(count, kind, status, request.Path);
        }
        catch (ArgumentOutOfRangeException e)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, e.Message);
            return;
        }
        await NoContentAsync(context);
    }

    public Task ClearFaultsAsync(HttpContext context)
    {
        state.Faults.Clear();
        return NoContentAsync(context);
    }

    public Task LatencyAsync(HttpContext context)
    {
        if (!TryReadInt(context, "ms", 0, out var ms) || !TryReadInt(context, "jitterMs", 0, out var jitterMs))
            return SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Expected ?ms=<non-negative>&jitterMs=<non-negative>");

        state.Latency = TimeSpan.FromMilliseconds(ms);
        state.LatencyJitter = TimeSpan.FromMilliseconds(jitterMs);
        logger.LatencyChanged(state.Latency, state.LatencyJitter);
        return NoContentAsync(context);
    }

    public Task TokenLifetimeAsync(HttpContext context)
    {
        if (!TryReadInt(context, "seconds", null, out var seconds) || seconds == 0)
            return SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Expected ?seconds=<positive>");

        state.TokenLifetime = TimeSpan.FromSeconds(seconds);
        logger.TokenLifetimeChanged(state.TokenLifetime);
        return NoContentAsync(context);
    }

    public Task RevokeTokensAsync(HttpContext context)
    {
        state.RevokeAllTokens();
        logger.TokensRevoked();
        return NoContentAsync(context);
    }

    public Task StreamFormatAsync(HttpContext context)
    {
        StreamFormat? format = context.Request.Query["value"].ToString().ToUpperInvariant() switch
        {
            "SSE" => StreamFormat.Sse,
            "NDJSON" => StreamFormat.NdJson,
            _ => null,
        };
        if (format is not { } value)
            return SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Expected ?value=sse|ndjson");

        state.StreamFormat = value;
        logger.StreamFormatChanged(value);
        return NoContentAsync(context);
    }

    public Task InfoAsync(HttpContext context) =>
        SandboxResults.JsonAsync(context, new SandboxInfo(state.Options.ClientId, state.Data.Users.Count));

    private static Task NoContentAsync(HttpContext context) => SandboxResults.EmptyAsync(context, StatusCodes.Status204NoContent);

    /// <summary>A non-negative integer; <paramref name="fallback"/> when absent (null: required).</summary>
    private static bool TryReadInt(HttpContext context, string name, int? fallback, out int value)
    {
        string? raw = context.Request.Query[name];
        if (string.IsNullOrEmpty(raw))
        {
            value = fallback ?? 0;
            return fallback is not null;
        }
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
