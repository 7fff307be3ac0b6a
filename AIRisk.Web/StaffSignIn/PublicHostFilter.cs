using Microsoft.AspNetCore.HostFiltering;

namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// With staff sign-in, the console answers only to the host names staff reach it by (<see cref="StaffSignInOptions.PublicHostsKey"/>)
/// and to loopback names (the node's own health checks and scrapers, e.g. HAProxy's <c>Host: localhost</c>); any other
/// <c>Host</c>, or none, gets 400 before anything else runs. Redirect URIs, links and the sign-in's callback are built
/// from the Host header, so a forged one never reaches them.
/// </summary>
internal static class PublicHostFilter
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static void Apply(HostFilteringOptions filter, StaffSignInOptions signIn)
    {
        filter.AllowedHosts = [.. signIn.PublicHosts, .. Loopback];
        filter.AllowEmptyHosts = false;
    }

    /// <summary>
    /// Whether <paramref name="entry"/> names a host as the filter matches it: a DNS name, an IPv4 address, an IPv6
    /// address in brackets or a <c>*.</c> wildcard for subdomains; never <c>*</c> (which would turn the filter off), a
    /// scheme or a port.
    /// </summary>
    public static bool IsHost(string entry)
    {
        if (entry.StartsWith('[') && entry.EndsWith(']'))
            return Uri.CheckHostName(entry[1..^1]) == UriHostNameType.IPv6;
        if (entry.StartsWith("*.", StringComparison.Ordinal))
            return Uri.CheckHostName(entry[2..]) == UriHostNameType.Dns;
        return Uri.CheckHostName(entry) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }
}
