namespace AIRisk.Sandbox.Requests;

/// <summary>
/// The log entry of a request in flight. Handlers fill in who is asking; it is written once, when the response starts
/// (so a client that has its response can already see the entry) or when the request ends without one.
/// </summary>
internal sealed class PendingRequest(RequestLog log, DateTimeOffset at, string method, string path, RequestKind kind)
{
    private int _completed;

    public TokenKind TokenKind { get; set; }

    public string? UserId { get; set; }

    /// <summary>The <c>Cookie</c> header the client sent, if any.</summary>
    public string? Cookie { get; set; }

    public void Complete(int status)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
            log.Add(new SandboxRequest(at, method, path, kind, TokenKind, UserId, status) { Cookie = Cookie });
    }
}
