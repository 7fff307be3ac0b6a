namespace AIRisk.Sandbox;

/// <summary>
/// Settings of the sandbox. Mutable on purpose: the control endpoints and tests change latency, token lifetime
/// and stream format while it runs.
/// </summary>
public sealed class SandboxOptions
{
    /// <summary>The demo APIUser's client id; public demo data.</summary>
    public const string DemoClientId = "6f1c1d2e-0000-4000-8000-00000000a1a1";

    /// <summary>The demo APIUser's secret; public demo data, printed on start.</summary>
    public const string DemoClientSecret = "sandbox-demo-secret";

    /// <summary>The ticket system's API account (Zendesk and Jira alike); public demo data.</summary>
    public const string DemoTicketEmail = "console@tickets.airisk-sandbox.example";

    /// <summary>The ticket system's API token; public demo data.</summary>
    public const string DemoTicketApiToken = "sandbox-demo-ticket-token";

    public string ClientId { get; set; } = DemoClientId;

    public string ClientSecret { get; set; } = DemoClientSecret;

    /// <summary>The APIUser's allowed redirect URIs; compared as the comma-separated list AIRisk stores, exactly.</summary>
#pragma warning disable CA2227 // Settable so hosts can write `o.RedirectUris = [uri]`.
    public List<string> RedirectUris { get; set; } = ["http://localhost/callback"];
#pragma warning restore CA2227

    public int UserCount { get; set; } = 40;

    public int Seed { get; set; } = 20250331;

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime of tokens issued from now on; tokens already issued keep theirs.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Added to every API and OAuth request (not to control requests), measured on the sandbox's TimeProvider:
    /// with a FakeTimeProvider, requests wait until the fake clock is advanced.
    /// </summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Each request's latency is <see cref="Latency"/> plus or minus up to this much.</summary>
    public TimeSpan LatencyJitter { get; set; }

    public StreamFormat StreamFormat { get; set; } = StreamFormat.NdJson;

    /// <summary>Pause between AskAgent pieces, on the real clock even when the sandbox is given a fake one.</summary>
    public TimeSpan StreamPieceDelay { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>
    /// <c>null</c>: the question and reply are stored before the stream's end marker. A value: they are stored only
    /// this long after the stream has been fully sent, as a service that persists the reply once streaming is over
    /// does, so a client that reloads the conversation right after the stream does not find the reply yet.
    /// </summary>
    public TimeSpan? StoreReplyAfterStream { get; set; }

    /// <summary>Send each user's company name beside <c>companyId</c> (some tenants send the id alone).</summary>
    public bool SendCompanyName { get; set; } = true;

    /// <summary>Set a cookie naming the user served on every answer (the request log records cookies sent back).</summary>
    public bool SetCookies { get; set; }

    /// <summary><c>"array"</c> for a bare JSON array, or the wrapper property name: <c>users</c>, <c>data</c>, <c>items</c>, <c>value</c>.</summary>
    public string UserListShape { get; set; } = "array";

    /// <summary>Serve <c>GET /api/ListUsers</c> (the path one docs page shows).</summary>
    public bool ServeLegacyListUsersPath { get; set; } = true;

    /// <summary>Serve <c>GET /api/Users/ListUsers</c> (the path two docs pages show).</summary>
    public bool ServeDocumentedListUsersPath { get; set; } = true;

    /// <summary>Largest file AddFileToConversation accepts (the live client's limit is 35 MB).</summary>
    public long MaxUploadBytes { get; set; } = 35L * 1024 * 1024;

    /// <summary>The email the ticket APIs' basic authentication must name (Zendesk <c>{email}/token:{token}</c>, Jira <c>{email}:{token}</c>).</summary>
    public string TicketEmail { get; set; } = DemoTicketEmail;

    public string TicketApiToken { get; set; } = DemoTicketApiToken;
}
