using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AIRisk.Core.Configuration;

/// <summary>
/// Reads the flat keys of <see cref="AIRiskKeys"/> into <see cref="AIRiskOptions"/>. Values that do not parse are
/// recorded rather than thrown, so that the validator can report every bad key in one message.
/// </summary>
internal static class AIRiskOptionsBinder
{
    public static void Bind(IConfiguration configuration, AIRiskOptions options)
    {
        var errors = options.BindingErrors;

        if (Read(configuration, AIRiskKeys.BaseUrl) is { } baseUrl)
        {
            var allowHttp = ReadBool(configuration, AIRiskKeys.AllowHttp, false, errors);
            if (BaseUrlReader.Read(baseUrl, allowHttp, out var problem) is { } uri)
                options.BaseUrl = uri;
            else
                errors.Add(problem!);
        }

        options.ClientId = Read(configuration, AIRiskKeys.ClientId) ?? options.ClientId;
        options.ClientSecret = Read(configuration, AIRiskKeys.ClientSecret) ?? options.ClientSecret;
        options.RedirectUri = Read(configuration, AIRiskKeys.RedirectUri) ?? options.RedirectUri;
        options.UserId = Read(configuration, AIRiskKeys.UserId) ?? options.UserId;
        options.ListUsersPath = (Read(configuration, AIRiskKeys.ListUsersPath) ?? options.ListUsersPath).TrimStart('/');

        if (Read(configuration, AIRiskKeys.AuthMode) is { } mode)
        {
            if (Enum.TryParse<AuthMode>(mode, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                options.AuthMode = parsed;
            else
                errors.Add($"{AIRiskKeys.AuthMode} must be 'server' or 'browser' (got '{mode}').");
        }

        options.TimeoutSeconds = ReadInt(configuration, AIRiskKeys.TimeoutSeconds, options.TimeoutSeconds, 1, 600, errors);
        options.TokenRefreshSkewSeconds = ReadInt(configuration, AIRiskKeys.TokenRefreshSkewSeconds, options.TokenRefreshSkewSeconds, 0, 3600, errors);
        options.AssumedTokenLifetimeSeconds = ReadInt(configuration, AIRiskKeys.AssumedTokenLifetimeSeconds, options.AssumedTokenLifetimeSeconds, 10, 86_400, errors);
        options.MaxUploadMegabytes = ReadInt(configuration, AIRiskKeys.MaxUploadMegabytes, options.MaxUploadMegabytes, 1, 1024, errors);
        options.DirectoryRefreshMinutes = ReadInt(configuration, AIRiskKeys.DirectoryRefreshMinutes, options.DirectoryRefreshMinutes, 1, 24 * 60, errors);
        options.MaxMessageChars = ReadInt(configuration, AIRiskKeys.MaxMessageChars, options.MaxMessageChars, 1, 100_000, errors);
        options.MaxReplyChars = ReadInt(configuration, AIRiskKeys.MaxReplyChars, options.MaxReplyChars, 100, 50_000_000, errors);
        options.ReplyReloadAttempts = ReadInt(configuration, AIRiskKeys.ReplyReloadAttempts, options.ReplyReloadAttempts, 0, 20, errors);
        options.ReplyReloadDelayMilliseconds = ReadInt(configuration, AIRiskKeys.ReplyReloadDelayMilliseconds, options.ReplyReloadDelayMilliseconds, 10, 10_000, errors);
        options.SendGenericBearerOnUserFlow = ReadBool(configuration, AIRiskKeys.SendGenericBearerOnUserFlow, options.SendGenericBearerOnUserFlow, errors);
        options.SendRedirectUriOnToken = ReadBool(configuration, AIRiskKeys.SendRedirectUriOnToken, options.SendRedirectUriOnToken, errors);
    }

    private static string? Read(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;


    private static int ReadInt(IConfiguration configuration, string key, int fallback, int min, int max, List<string> errors)
    {
        if (Read(configuration, key) is not { } text)
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add($"{key} must be a whole number from {min} to {max} (got '{text}').");
        return fallback;
    }

    private static bool ReadBool(IConfiguration configuration, string key, bool fallback, List<string> errors)
    {
        if (Read(configuration, key) is not { } text)
            return fallback;
        if (bool.TryParse(text, out var value))
            return value;
        errors.Add($"{key} must be 'true' or 'false' (got '{text}').");
        return fallback;
    }
}
