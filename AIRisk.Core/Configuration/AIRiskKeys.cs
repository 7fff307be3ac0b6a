namespace AIRisk.Core.Configuration;

/// <summary>The environment / <c>.env</c> keys, exactly as users write them.</summary>
public static class AIRiskKeys
{
    public const string BaseUrl = "AIRISK_BASE_URL";
    public const string AllowHttp = "AIRISK_ALLOW_HTTP";
    public const string ClientId = "CLIENT_ID";
    public const string ClientSecret = "CLIENT_SECRET";
    public const string RedirectUri = "REDIRECT_URI";
    public const string UserId = "USER_ID";
    public const string ListUsersPath = "AIRISK_LISTUSERS_PATH";
    public const string AuthMode = "AIRISK_AUTH_MODE";
    public const string TimeoutSeconds = "AIRISK_TIMEOUT_SECONDS";
    public const string TokenRefreshSkewSeconds = "AIRISK_TOKEN_REFRESH_SKEW_SECONDS";
    public const string AssumedTokenLifetimeSeconds = "AIRISK_ASSUMED_TOKEN_LIFETIME_SECONDS";
    public const string SendGenericBearerOnUserFlow = "AIRISK_SEND_GENERIC_BEARER";
    public const string SendRedirectUriOnToken = "AIRISK_SEND_REDIRECT_URI_ON_TOKEN";
    public const string MaxUploadMegabytes = "AIRISK_MAX_UPLOAD_MB";
    public const string DirectoryRefreshMinutes = "AIRISK_DIRECTORY_REFRESH_MINUTES";
    public const string MaxMessageChars = "AIRISK_MAX_MESSAGE_CHARS";
    public const string MaxReplyChars = "AIRISK_MAX_REPLY_CHARS";
    public const string ReplyReloadAttempts = "AIRISK_REPLY_RELOAD_ATTEMPTS";
    public const string ReplyReloadDelayMilliseconds = "AIRISK_REPLY_RELOAD_DELAY_MS";
}
