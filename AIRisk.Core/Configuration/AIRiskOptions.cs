namespace AIRisk.Core.Configuration;

/// <summary>
/// Settings for talking to one AIRisk instance. Bound from flat environment keys (see <see cref="AIRiskKeys"/>)
/// so that <c>.env</c>, the process environment and container settings all use the same names.
/// </summary>
public sealed class AIRiskOptions
{
    /// <summary>The instance root, e.g. <c>https://tenant.aicrisk.com/</c>. Always ends with <c>/</c> after binding.</summary>
    public Uri? BaseUrl { get; set; }

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Must equal one of the APIUser's allowed redirect URIs exactly.</summary>
    public string RedirectUri { get; set; } = "";

    /// <summary>Single-user mode: the AIRisk user to act as from the start.</summary>
    public string? UserId { get; set; }

    /// <summary>The list-users path tried first; the other documented path is the fallback on 404.</summary>
    public string ListUsersPath { get; set; } = AIRiskPaths.ListUsers;

    public AuthMode AuthMode { get; set; } = AuthMode.Server;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Tokens go to the cache's distributed level as well (set by the host when one is configured, encrypted there), so
    /// every node of a cluster uses a token any node fetched. Off: tokens never leave this process.
    /// </summary>
    public bool ShareTokensAcrossNodes { get; set; }

    /// <summary>A cached token is replaced this long before its <c>expiration</c>.</summary>
    public int TokenRefreshSkewSeconds { get; set; } = 60;

    /// <summary>Used when a token response carries neither <c>expiration</c> nor <c>expires_in</c>.</summary>
    public int AssumedTokenLifetimeSeconds { get; set; } = 300;

    /// <summary>One admin page sends the generic token as Bearer on the user-specific flow; harmless elsewhere.</summary>
    public bool SendGenericBearerOnUserFlow { get; set; } = true;

    /// <summary>The docs require <c>redirect_uri</c> on the token call; a live client omits it.</summary>
    public bool SendRedirectUriOnToken { get; set; } = true;

    public int MaxUploadMegabytes { get; set; } = 35;

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>What staff are told of a file over <see cref="MaxUploadMegabytes"/>.</summary>
    public string TooLargeToAttach(string fileName) => $"'{fileName}' is larger than the {MaxUploadMegabytes} MB AIRisk accepts.";

    /// <summary>The longest chat message staff may send as a user; the input shows the limit.</summary>
    public int MaxMessageChars { get; set; } = 8000;

    /// <summary>A streamed reply is cut off past this size instead of growing the circuit's memory without bound.</summary>
    public int MaxReplyChars { get; set; } = 1_000_000;

    /// <summary>
    /// AIRisk may store the AI message only after its stream has closed: after a reply, the conversation is re-read
    /// this many times (the delay doubling from <see cref="ReplyReloadDelayMilliseconds"/>) until it holds the reply.
    /// </summary>
    public int ReplyReloadAttempts { get; set; } = 5;

    public int ReplyReloadDelayMilliseconds { get; set; } = 250;

    /// <summary>The shared user list is reloaded in the background once it is this old (a promotion is seen).</summary>
    public int DirectoryRefreshMinutes { get; set; } = 5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan DirectoryRefreshInterval => TimeSpan.FromMinutes(DirectoryRefreshMinutes);

    /// <summary>Values present in the configuration that did not parse; reported by the validator.</summary>
    internal List<string> BindingErrors { get; } = [];
}
