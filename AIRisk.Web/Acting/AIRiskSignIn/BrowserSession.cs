using System.Security.Cryptography;
using System.Text;

namespace AIRisk.Web.Acting.AIRiskSignIn;

/// <summary>
/// Ties a browser-mode authorization to the browser that started it: <c>/callback</c> accepts a code only when the
/// request carries the same HttpOnly browser cookie as the circuit that began the flow. The circuit knows only a
/// hash of the cookie, so nothing that reaches the page can be replayed as the cookie.
/// </summary>
public sealed class BrowserSession
{
    public const string CookieName = "airisk.browser";

    /// <summary>The owner id of flows started by this circuit; <c>null</c> when the circuit has no browser cookie.</summary>
    public string? Owner { get; set; }

    public static string OwnerOf(string cookieValue) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookieValue)));
}
