namespace AIRisk.Sandbox.Faults;

public enum FaultKind
{
    /// <summary>The given status with a plain-text body <c>Injected fault</c>.</summary>
    Status,

    /// <summary>The given status with an HTML error page, as a proxy or gateway would send.</summary>
    HtmlPage,

    /// <summary>200 <c>application/json</c> whose body is not valid JSON; the status argument is ignored.</summary>
    MalformedJson,

    /// <summary>The given status with a problem+json body.</summary>
    Problem,

    /// <summary>No answer until the client gives up (or the sandbox stops).</summary>
    Hang,

    /// <summary>200 and the first byte of a JSON body, then nothing until the client gives up.</summary>
    StallBody,

    /// <summary>The connection is aborted without a response.</summary>
    Drop,

    /// <summary>AskAgent sends a few pieces, then the connection is aborted; elsewhere the same as <see cref="Drop"/>.</summary>
    BreakStream,

    /// <summary>The given status (429 or 503, say) with <c>Retry-After: 30</c> and a plain-text body, as a rate limit sends.</summary>
    RetryAfter,
}
