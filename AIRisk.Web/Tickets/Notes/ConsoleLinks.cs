using AIRisk.Web.StaffSignIn;

namespace AIRisk.Web.Tickets.Notes;

/// <summary>
/// Links into the console from outside it (a ticket's note). The console knows its public address only through staff
/// sign-in's <c>PUBLIC_HOSTS</c> (behind TLS, so <c>https://</c>): the first name that is not a wildcard. Without
/// sign-in the console answers on loopback only, and a link would be relative (<c>/audit?session=…</c>).
/// </summary>
internal sealed class ConsoleLinks(StaffSignInOptions signIn)
{
    public string Timeline(string sessionId)
    {
        var path = $"/audit?session={Uri.EscapeDataString(sessionId)}";
        return signIn.PublicHosts.FirstOrDefault(h => !h.Contains('*', StringComparison.Ordinal)) is { } host ? $"https://{host}{path}" : path;
    }
}
