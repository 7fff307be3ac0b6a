using AIRisk.Web.Hosting;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// <see cref="StaffSignInFixture"/> as a node behind a TLS-terminating proxy runs: Production (HSTS, HTTPS redirection),
/// the proxy on loopback in <c>FORWARDED_PROXIES</c>, and a public host name that is not a loopback one (HSTS is never
/// sent to <c>localhost</c> or <c>127.0.0.1</c>).
/// </summary>
public sealed class ProxiedStaffSignInFixture : StaffSignInFixture
{
    public const string PublicHost = "console.example.com";

    protected override void Configure(Dictionary<string, string?> environment)
    {
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment[ForwardedProxies.Key] = "127.0.0.1";
        environment[StaffSignInOptions.PublicHostsKey] = $"{environment[StaffSignInOptions.PublicHostsKey]},{PublicHost}";
    }
}
