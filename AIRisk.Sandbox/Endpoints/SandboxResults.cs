using System.Diagnostics;
using System.Text.Json;
using AIRisk.Sandbox.Endpoints.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace AIRisk.Sandbox.Endpoints;

/// <summary>The response bodies AIRisk sends: text/plain one-liners, problem+json, and JSON.</summary>
internal static class SandboxResults
{
    public static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    public static async Task ProblemAsync(HttpContext context, int status)
    {
        var body = new ProblemBody(ProblemType(status), ProblemTitle(status), status, TraceId());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, SandboxJson.Options, context.RequestAborted);
    }

    public static async Task JsonAsync<T>(HttpContext context, T value, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, SandboxJson.Options, context.RequestAborted);
    }

    public static Task EmptyAsync(HttpContext context, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    // ASP.NET Core formats traceId as a W3C traceparent; without an Activity, make one of the same shape.
    private static string TraceId() =>
        Activity.Current?.Id ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-00";

    /// <summary>ASP.NET Core's problem titles: the reason phrase, except for 500.</summary>
    private static string ProblemTitle(int status) =>
        status == StatusCodes.Status500InternalServerError ? "An error occurred while processing your request." : ReasonPhrases.GetReasonPhrase(status);

    /// <summary>The RFC 9110 section links ASP.NET Core puts in <c>type</c>.</summary>
    private static string ProblemType(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "about:blank",
    };
}
