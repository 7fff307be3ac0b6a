using Microsoft.Extensions.Configuration;

namespace AIRisk.Core.Configuration;

/// <summary>
/// Reads the flat keys of <see cref="AIRiskKeys"/> into <see cref="AIRiskOptions"/>. Values that do not parse are
/// recorded rather than thrown, so that the validator can report every bad key in one message.
/// </summary>
internal static class AIRiskOptionsBinder
{
    private static readonly Dictionary<string, AuthMode> AuthModes = new() { ["server"] = AuthMode.Server, ["browser"] = AuthMode.Browser };

    public static void Bind(IConfiguration configuration, AIRiskOptions options)
    {
        var errors = options.BindingErrors;
        var values = new ConfigValues(configuration, errors);

        if (values.Text(AIRiskKeys.BaseUrl) is { } baseUrl)
        {
            var allowHttp = values.Bool(AIRiskKeys.AllowHttp, false);
            if (BaseUrlReader.Read(baseUrl, allowHttp, out var problem) is { } uri)
                options.BaseUrl = uri;
            else
                errors.Add(problem!);
        }

        options.ClientId = values.Text(AIRiskKeys.ClientId) ?? options.ClientId;
        options.ClientSecret = values.Text(AIRiskKeys.ClientSecret) ?? options.ClientSecret;
        options.RedirectUri = values.Text(AIRiskKeys.RedirectUri) ?? options.RedirectUri;
        options.UserId = values.Text(AIRiskKeys.UserId) ?? options.UserId;
        options.ListUsersPath = (values.Text(AIRiskKeys.ListUsersPath) ?? options.ListUsersPath).TrimStart('/');
        options.AuthMode = values.Choice(AIRiskKeys.AuthMode, options.AuthMode, AuthModes);

        options.TimeoutSeconds = values.WholeNumber(AIRiskKeys.TimeoutSeconds, options.TimeoutSeconds, 1, 600);
        options.TokenRefreshSkewSeconds = values.WholeNumber(AIRiskKeys.TokenRefreshSkewSeconds, options.TokenRefreshSkewSeconds, 0, 3600);
        options.AssumedTokenLifetimeSeconds = values.WholeNumber(AIRiskKeys.AssumedTokenLifetimeSeconds, options.AssumedTokenLifetimeSeconds, 10, 86_400);
        options.MaxUploadMegabytes = values.WholeNumber(AIRiskKeys.MaxUploadMegabytes, options.MaxUploadMegabytes, 1, 1024);
        options.DirectoryRefreshMinutes = values.WholeNumber(AIRiskKeys.DirectoryRefreshMinutes, options.DirectoryRefreshMinutes, 1, 24 * 60);
        options.MaxMessageChars = values.WholeNumber(AIRiskKeys.MaxMessageChars, options.MaxMessageChars, 1, 100_000);
        options.MaxReplyChars = values.WholeNumber(AIRiskKeys.MaxReplyChars, options.MaxReplyChars, 100, 50_000_000);
        options.ReplyReloadAttempts = values.WholeNumber(AIRiskKeys.ReplyReloadAttempts, options.ReplyReloadAttempts, 0, 20);
        options.ReplyReloadDelayMilliseconds = values.WholeNumber(AIRiskKeys.ReplyReloadDelayMilliseconds, options.ReplyReloadDelayMilliseconds, 10, 10_000);
        options.SendGenericBearerOnUserFlow = values.Bool(AIRiskKeys.SendGenericBearerOnUserFlow, options.SendGenericBearerOnUserFlow);
        options.SendRedirectUriOnToken = values.Bool(AIRiskKeys.SendRedirectUriOnToken, options.SendRedirectUriOnToken);
    }
}
