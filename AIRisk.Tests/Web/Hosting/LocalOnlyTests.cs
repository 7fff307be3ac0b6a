using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using AIRisk.Tests.TestSupport;

namespace AIRisk.Tests.Web.Hosting;

/// <summary>
/// Without staff sign-in the console answers only a browser on this machine: not a request from another machine's
/// address, and not one a proxy on this machine relayed (it arrives from loopback, with a Host the client chose).
/// </summary>
public sealed class LocalOnlyTests(WebAppFixture fixture) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9;proto=https")]
    [InlineData("X-Forwarded-Host", "console.example.com")]
    [InlineData("X-Forwarded-Proto", "https")]
    public async Task A_request_a_proxy_relayed_is_refused_though_it_comes_from_loopback_with_a_loopback_Host(string header, string value)
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "localhost";
        request.Headers.Add(header, value);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"came through a proxy ({header})", body, StringComparison.Ordinal);
        Assert.Contains("OPERATOR_OIDC_", body, StringComparison.Ordinal);
        Assert.DoesNotContain(value, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_from_another_address_of_this_machine_is_refused_though_it_names_localhost()
    {
        // The console listens on 127.0.0.1 only; a connection from this machine's own network address reaches it all
        // the same, and arrives as a peer that is not loopback, as a port forward from another machine would.
        var outside = NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (outside is null)
            Assert.Skip("This machine has no network address but loopback.");
        var fromOutside = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(outside, 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(fromOutside) { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "localhost";

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("came from another machine", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
