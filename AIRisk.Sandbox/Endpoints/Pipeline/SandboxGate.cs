using System.Text;
using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Sandbox.Endpoints.Pipeline;

/// <summary>
/// Runs before every sandbox endpoint, in the order a real network and server would apply them: latency, injected
/// faults, route existence, bearer check. It also writes the request log.
/// </summary>
internal sealed class SandboxGate(SandboxState state, IHostApplicationLifetime lifetime, ILogger<SandboxGate> logger)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next, EndpointPolicy policy)
    {
        var pending = new PendingRequest(state.Requests, state.TimeProvider.GetUtcNow(), context.Request.Method, context.Request.Path.Value ?? "/", policy.Kind);
        context.Features.Set(pending);
        if (context.Request.Headers.Cookie.Count > 0)
            pending.Cookie = context.Request.Headers.Cookie.ToString();
        // Logged before the first byte goes out, so a client holding its response already sees the entry.
        context.Response.OnStarting(() =>
        {
            // As a load balancer or session layer in front of AIRisk might: a cookie naming whom this answer served.
            if (state.Options.SetCookies && pending.UserId is { } served)
                context.Response.Headers.Append("Set-Cookie", $"airisk-served={served}; Path=/; HttpOnly");
            pending.Complete(context.Response.StatusCode);
            return Task.CompletedTask;
        });

        // Hangs and streams end when the client gives up or the sandbox stops, whichever comes first.
        var requestAborted = context.RequestAborted;
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        context.RequestAborted = aborted.Token;
        var failed = true;
        try
        {
            if (await PassesAsync(context, pending, policy))
                await next(context);
            failed = false;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // Nobody is left to answer.
            failed = false;
            context.Abort();
        }
        finally
        {
            context.RequestAborted = requestAborted;
            pending.Complete(failed ? StatusCodes.Status500InternalServerError
                : aborted.IsCancellationRequested && !context.Response.HasStarted ? 0
                : context.Response.StatusCode);
        }
    }

    private async Task<bool> PassesAsync(HttpContext context, PendingRequest pending, EndpointPolicy policy)
    {
        if (policy.Kind != RequestKind.Control)
        {
            var latency = state.NextLatency();
            if (latency > TimeSpan.Zero)
                await Task.Delay(latency, state.TimeProvider, context.RequestAborted);
            if (state.Faults.TryTake(context.Request.Path.Value ?? "/") is { } fault && !await InjectAsync(context, pending, policy, fault))
                return false;
        }

        if (policy.IsServed is { } isServed && !isServed())
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }

        return policy.RequiredToken is not { } required || await AuthenticateAsync(context, pending, required);
    }

    private async Task<bool> AuthenticateAsync(HttpContext context, PendingRequest pending, TokenKind required)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.AsSpan(7).Trim().IsEmpty)
        {
            pending.TokenKind = TokenKind.None;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await SandboxResults.ProblemAsync(context, StatusCodes.Status401Unauthorized);
            return false;
        }

        var grant = state.Tokens.Find(header[7..].Trim(), state.TimeProvider.GetUtcNow());
        if (grant is null)
        {
            pending.TokenKind = TokenKind.Invalid;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await SandboxResults.ProblemAsync(context, StatusCodes.Status401Unauthorized);
            return false;
        }

        pending.TokenKind = grant.Kind;
        pending.UserId = grant.UserId is { } userId ? Ids.Format(userId) : null;
        if (grant.Kind != required)
        {
            logger.WrongTokenKind(grant.Kind, context.Request.Path.Value);
            await SandboxResults.ProblemAsync(context, StatusCodes.Status403Forbidden);
            return false;
        }

        var user = grant.UserId is { } key ? state.Data.FindUser(key) : null;
        context.Features.Set(new SandboxCaller(grant, user));
        return true;
    }

    /// <returns>True when the request should go on (to a stream that will break itself).</returns>
    private async Task<bool> InjectAsync(HttpContext context, PendingRequest pending, EndpointPolicy policy, InjectedFault fault)
    {
        logger.FaultInjected(fault.Kind, fault.Status, context.Request.Method, context.Request.Path.Value);
        switch (fault.Kind)
        {
            case FaultKind.Status:
                await SandboxResults.TextAsync(context, fault.Status, "Injected fault");
                return false;
            case FaultKind.RetryAfter:
                context.Response.Headers.RetryAfter = "30";
                await SandboxResults.TextAsync(context, fault.Status, "Injected fault");
                return false;
            case FaultKind.HtmlPage:
                await HtmlPageAsync(context, fault.Status);
                return false;
            case FaultKind.MalformedJson:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("{\"users\": [", context.RequestAborted);
                return false;
            case FaultKind.Problem:
                await SandboxResults.ProblemAsync(context, fault.Status);
                return false;
            case FaultKind.Hang:
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                return false;
            case FaultKind.StallBody:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("[", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                return false;
            case FaultKind.BreakStream when policy.Streams:
                context.Features.Set(fault);
                return true;
            default:
                pending.Complete(0);
                context.Abort();
                return false;
        }
    }

    /// <summary>The kind of page a reverse proxy sends when the app behind it fails.</summary>
    private static Task HtmlPageAsync(HttpContext context, int status)
    {
        var title = $"{status} {ReasonPhrases.GetReasonPhrase(status)}";
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html>\n<head><title>").Append(title).Append("</title></head>\n")
            .Append("<body>\n<center><h1>").Append(title).Append("</h1></center>\n")
            .Append("<hr><center>Injected fault</center>\n</body>\n</html>\n")
            .ToString();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(page, context.RequestAborted);
    }
}
