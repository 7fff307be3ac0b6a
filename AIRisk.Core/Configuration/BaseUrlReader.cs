namespace AIRisk.Core.Configuration;

/// <summary>
/// Reads <c>AIRISK_BASE_URL</c>: the tenant root. A trailing <c>/api</c> is dropped (the API paths start with it, so
/// keeping it would ask for <c>/api/api/…</c>); any other path, a query, a fragment or credentials are refused with
/// what to remove. Plain <c>http://</c> is allowed only for loopback or with <c>AIRISK_ALLOW_HTTP=true</c>: tokens
/// and the client secret travel on these calls.
/// </summary>
internal static class BaseUrlReader
{
    public static Uri? Read(string text, bool allowHttp, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problem = $"{AIRiskKeys.BaseUrl} must be an absolute http(s) URL, e.g. https://tenant.aicrisk.com (got '{text}').";
            return null;
        }

        var root = uri.GetLeftPart(UriPartial.Authority);
        if (uri.UserInfo.Length > 0)
        {
            problem = $"{AIRiskKeys.BaseUrl} must not carry credentials: remove the part before '@'.";
            return null;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"{AIRiskKeys.BaseUrl} must be the tenant root: remove '{uri.Query}{uri.Fragment}' (got '{text}').";
            return null;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length > 0 && !path.Equals("/api", StringComparison.OrdinalIgnoreCase))
        {
            problem = $"{AIRiskKeys.BaseUrl} must be the tenant root, e.g. {root}: remove '{uri.AbsolutePath}' (got '{text}').";
            return null;
        }

        if (uri.Scheme == "http" && !uri.IsLoopback && !allowHttp)
        {
            problem = $"{AIRiskKeys.BaseUrl} must use https:// (got '{text}'); plain http is for loopback, or set {AIRiskKeys.AllowHttp}=true for a test instance.";
            return null;
        }

        return new Uri(root + "/");
    }
}
