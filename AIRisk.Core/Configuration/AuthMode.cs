namespace AIRisk.Core.Configuration;

/// <summary>How the authorization code of the OAuth2 flow is collected.</summary>
public enum AuthMode
{
    /// <summary>The server sends the authorize GET itself and reads <c>code</c> from the <c>Location</c> header.</summary>
    Server,

    /// <summary>The browser is sent to the authorize URL and <c>/callback</c> receives the code.</summary>
    Browser,
}
