using AIRisk.Sandbox.Auth;
using AIRisk.Sandbox.Data;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Faults;
using AIRisk.Sandbox.Requests;

namespace AIRisk.Sandbox;

/// <summary>
/// Everything the sandbox knows while it runs: its data, issued codes and tokens, the request log and pending
/// faults. Tests and the control endpoints reach in here to count calls, inject faults and change settings.
/// </summary>
public sealed class SandboxState
{
    public SandboxState(SandboxOptions options, TimeProvider timeProvider)
    {
        SandboxOptionsValidator.ThrowIfInvalid(options);
        Options = options;
        TimeProvider = timeProvider;
        Data = new SandboxData(options.Seed, options.UserCount);
        Tickets = new TicketDesk(Data.Users, options.TicketEmail);
    }

    public SandboxOptions Options { get; }

    public SandboxData Data { get; }

    /// <summary>The ticket system served as Zendesk (<c>/api/v2/</c>) and Jira (<c>/rest/</c>).</summary>
    public TicketDesk Tickets { get; }

    public RequestLog Requests { get; } = new();

    public FaultInjector Faults { get; } = new();

    /// <summary>Lifetime of tokens issued from now on.</summary>
    public TimeSpan TokenLifetime
    {
        get => Options.TokenLifetime;
        set => Options.TokenLifetime = value;
    }

    public TimeSpan Latency
    {
        get => Options.Latency;
        set => Options.Latency = value;
    }

    public TimeSpan LatencyJitter
    {
        get => Options.LatencyJitter;
        set => Options.LatencyJitter = value;
    }

    public StreamFormat StreamFormat
    {
        get => Options.StreamFormat;
        set => Options.StreamFormat = value;
    }

    internal TimeProvider TimeProvider { get; }

    internal SecretStore<AuthorizationGrant> Codes { get; } = new(AIRisk.Sandbox.Auth.Secrets.NewCode);

    internal SecretStore<AccessGrant> Tokens { get; } = new(AIRisk.Sandbox.Auth.Secrets.NewAccessToken);

    /// <summary>Every token issued so far stops working; the next API call with one gets 401.</summary>
    public void RevokeAllTokens() => Tokens.Clear();

    /// <summary>
    /// The access tokens issued so far and not revoked, as a snapshot: for leak tests that check no token value
    /// reaches a browser or a log. Not part of the AIRisk API.
    /// </summary>
    public IReadOnlyList<string> IssuedTokenValues() => Tokens.Snapshot();

    /// <summary>
    /// Every authorization code and access token issued and every <c>state</c> echoed since start, including used and
    /// expired ones: for tests that search logs, pages and messages for leaked secrets.
    /// </summary>
    public IReadOnlyList<string> IssuedSecrets() => Secrets.Snapshot();

    internal SecretLedger Secrets { get; } = new();

    internal bool IsKnownClient(string clientId) =>
        string.Equals(clientId, Options.ClientId, StringComparison.OrdinalIgnoreCase);

    /// <summary>AIRisk keeps an APIUser's redirect URIs as one comma-separated string and wants an exact match.</summary>
    internal bool IsAllowedRedirectUri(string redirectUri) =>
        string.Join(',', Options.RedirectUris)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Contains(redirectUri, StringComparer.Ordinal);

    internal TimeSpan NextLatency()
    {
        var latency = Latency;
        var jitter = LatencyJitter;
        if (jitter > TimeSpan.Zero)
            latency += jitter * (Random.Shared.NextDouble() * 2 - 1);
        return latency > TimeSpan.Zero ? latency : TimeSpan.Zero;
    }
}
