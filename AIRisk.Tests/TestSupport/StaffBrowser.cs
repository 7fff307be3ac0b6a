using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// What a browser does during an OpenID Connect sign-in, with an <see cref="HttpClient"/>: follows redirects and meta
/// refreshes, keeps cookies, and submits the provider's <c>form_post</c> page the way that page's script does. Loopback counts as a
/// secure context, as it does in browsers, so the handler's <c>Secure</c> correlation and nonce cookies come back over
/// http://127.0.0.1.
/// </summary>
public sealed class StaffBrowser : IDisposable
{
    private const int MaxSteps = 20;

    private readonly CookieContainer _cookies = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>Every URL requested, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Follows redirects and form posts from <paramref name="url"/> until a page that is neither.</summary>
    /// <param name="until">Stops before requesting a URL for which this is true (returns the response that led there).</param>
    public async Task<HttpResponseMessage> NavigateAsync(Uri url, Func<Uri, bool>? until = null, CancellationToken ct = default)
    {
        using var first = new HttpRequestMessage(HttpMethod.Get, url);
        var response = await SendAsync(first, ct);
        for (var step = 0; step < MaxSteps; step++)
        {
            HttpRequestMessage? next;
            if (response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect)
            {
                var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
                next = new HttpRequestMessage(HttpMethod.Get, location);
            }
            else
            {
                next = await AutoPostedFormAsync(response, ct) ?? await MetaRefreshAsync(response, ct);
            }

            if (next is null || until?.Invoke(next.RequestUri!) == true)
            {
                next?.Dispose();
                return response;
            }

            response.Dispose();
            using (next)
                response = await SendAsync(next, ct);
        }

        throw new InvalidOperationException($"More than {MaxSteps} steps: {string.Join(" -> ", Visited.Select(u => u.GetLeftPart(UriPartial.Path)))}");
    }

    /// <summary>One request, without following anything.</summary>
    public Task<HttpResponseMessage> GetAsync(Uri url, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct);

    /// <summary>One form post with this browser's cookies, without following anything.</summary>
    public Task<HttpResponseMessage> PostAsync(Uri url, HttpContent content, CancellationToken ct = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = content }, ct);

    /// <summary>The cookie's value for <paramref name="url"/>, or null.</summary>
    public string? Cookie(Uri url, string name) => _cookies.GetCookies(Secure(url))[name]?.Value;

    public void Dispose() => _http.Dispose();

    /// <summary>One request as it is (extra headers and all) with this browser's cookies, without following anything.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct = default)
    {
        var url = request.RequestUri!;
        Visited.Add(url);
        var cookieHeader = _cookies.GetCookieHeader(Secure(url));
        if (cookieHeader.Length > 0)
            request.Headers.Add("Cookie", cookieHeader);
        var response = await _http.SendAsync(request, ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
                _cookies.SetCookies(Secure(url), setCookie);
        }

        return response;
    }

    // An OpenID Connect form_post response: a page whose only form posts hidden fields, submitted by its script.
    private static async Task<HttpRequestMessage?> AutoPostedFormAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
            return null;
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(ct), ct);
        if (document.Forms.Length != 1 || document.Forms[0] is not { } form
            || !string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) || form.GetAttribute("action") is not { } action)
            return null;
        // Nothing for a person to fill in: hidden fields and, for browsers without script, a submit button.
        var inputs = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type != "submit").ToList();
        if (inputs.Count == 0 || inputs.Any(i => i.Type != "hidden"))
            return null;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(response.RequestMessage!.RequestUri!, action))
        {
            Content = new FormUrlEncodedContent(inputs.Select(i => KeyValuePair.Create(i.Name!, i.Value))),
        };
    }

    // A page that moves on by itself (<meta http-equiv="refresh" content="0;url=...">), as the sign-out page does.
    private static async Task<HttpRequestMessage?> MetaRefreshAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
            return null;
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(ct), ct);
        var content = document.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content");
        var at = content?.IndexOf("url=", StringComparison.OrdinalIgnoreCase) ?? -1;
        return at < 0 ? null : new HttpRequestMessage(HttpMethod.Get, new Uri(response.RequestMessage!.RequestUri!, content![(at + 4)..].Trim()));
    }

    private static Uri Secure(Uri url) => new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.Port }.Uri;
}
