using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using StackExchange.Redis;

namespace AIRisk.Tests.Cluster;

/// <summary>
/// deploy/cluster.sh as an operations team would run it: Redis behind passwords and an ACL, no part running as root
/// that does not need to, no part knowing another's password, the key ring's .pfx apart from its password and its key
/// never in clear, and HAProxy's cookie Secure behind TLS.
/// </summary>
[Collection(ClusterSuite.Name)]
public sealed class HardenedClusterTests(ClusterFixture fixture) : IAsyncLifetime
{
    private LocalCluster Cluster => fixture.Cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (ClusterFixture.SkipReason is { } reason)
            Assert.Skip(reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Redis_refuses_a_client_without_a_password_and_refuses_the_nodes_user_anything_beyond_the_cache()
    {
        // Any local user could once flush the cache or flood the evictions channel.
        using var anonymous = new TcpClient();
        await anonymous.ConnectAsync(IPAddress.Loopback, int.Parse(Cluster.State["REDIS_PORT"], System.Globalization.CultureInfo.InvariantCulture), Ct);
        var stream = anonymous.GetStream();
        await stream.WriteAsync("FLUSHALL\r\n"u8.ToArray(), Ct);
        var reply = new byte[256];
        var read = await stream.ReadAsync(reply, Ct);
        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(reply, 0, read), StringComparison.Ordinal);

        // The nodes' own user: the cache's commands on the cache's keys, nothing else (allowAdmin: let the server refuse).
        await using var node = await ConnectionMultiplexer.ConnectAsync(Cluster.RedisConnection + ",allowAdmin=true");
        var db = node.GetDatabase();
        await db.PingAsync();
        var flush = await Assert.ThrowsAsync<RedisServerException>(() => db.ExecuteAsync("FLUSHALL"));
        Assert.StartsWith("NOPERM", flush.Message, StringComparison.Ordinal);
        var otherKey = await Assert.ThrowsAsync<RedisServerException>(() => db.StringGetAsync("someone-elses-key"));
        Assert.StartsWith("NOPERM", otherKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_script_runs_as_root_the_nodes_the_sandbox_Redis_and_HAProxy_do_not()
    {
        var expected = Environment.IsPrivilegedProcess ? "not root" : "the script's user";

        foreach (var part in new[] { "node1", "node2", "sandbox", "redis", "haproxy" })
        {
            var (real, effective) = Uids(Cluster.ProcessId(part));

            if (Environment.IsPrivilegedProcess)
                Assert.True(real != 0 && effective != 0, $"{part} runs as root (expected {expected})");
            else
                Assert.True(real == Uids(Environment.ProcessId).Real && effective == real, $"{part} runs as uid {effective} (expected {expected})");
        }
    }

    [Fact]
    public void A_part_knows_its_own_passwords_and_none_of_the_others()
    {
        // The script reads state.env into its environment; a part run from it once inherited every password there,
        // readable by the part's user in /proc/<pid>/environ.
        string[] notTheirs = [Cluster.State["PG_OWNER_PASSWORD"], Cluster.State["REDIS_ADMIN_PASSWORD"]];

        foreach (var part in new[] { "node1", "sandbox", "redis", "haproxy" })
        {
            var environment = File.ReadAllText($"/proc/{Cluster.ProcessId(part)}/environ");

            foreach (var password in notTheirs)
                Assert.DoesNotContain(password, environment, StringComparison.Ordinal);
        }
        Assert.Contains(Cluster.State["REDIS_NODE_PASSWORD"], File.ReadAllText($"/proc/{Cluster.ProcessId("node1")}/environ"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_file_with_every_password_is_the_script_users_alone()
    {
        var state = Path.Combine(Cluster.StateDirectory, "state.env");

        // Redis's passwords (the nodes' ACL user's and the admin's) are kept there, and nowhere else in clear.
        Assert.Equal($"{Uids(Environment.ProcessId).Effective} 600", await OwnerAndModeAsync(state));
        Assert.NotEmpty(Cluster.State["REDIS_NODE_PASSWORD"]);
        Assert.NotEmpty(Cluster.State["REDIS_ADMIN_PASSWORD"]);
        Assert.DoesNotContain(Cluster.State["REDIS_NODE_PASSWORD"], await File.ReadAllTextAsync(Path.Combine(Cluster.ServiceHome, "redis.conf"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_rings_pfx_is_the_nodes_user_s_alone_away_from_its_password_and_its_key_is_generated_encrypted()
    {
        var pfx = Path.Combine(Cluster.ServiceHome, "keyring.pfx");

        Assert.Equal($"{Uids(Cluster.ProcessId("node1")).Effective} 400", await OwnerAndModeAsync(pfx));
        // Where the password is (state.env), no certificate and no private key.
        Assert.Empty(Directory.EnumerateFiles(Cluster.StateDirectory, "*.pfx", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(Cluster.StateDirectory, "*.key", SearchOption.AllDirectories));
        // openssl -nodes (or -noenc) writes the new private key in clear, however briefly.
        Assert.DoesNotMatch(@"-(nodes|noenc)\b", await File.ReadAllTextAsync(LocalCluster.Script, Ct));
    }

    [Fact]
    public async Task Behind_TLS_the_proxy_marks_its_node_cookie_Secure_and_the_node_sees_https()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        var pem = Path.Combine(Cluster.StateDirectory, "tls-test.pem");
        await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n", Ct);
        var port = WebAppProcess.FreeBaseAddress().Port;

        // The cluster's own HAProxy configuration (its nodes' server lines included), with a certificate.
        var start = new ProcessStartInfo("haproxy", ["-db", "-q", "-f", Path.Combine(Cluster.StateDirectory, "haproxy.cfg")]) { UseShellExecute = false };
        start.Environment["CLUSTER_BIND"] = $"127.0.0.1:{port}";
        start.Environment["HAPROXY_ADMIN_SOCKET"] = Path.Combine(Cluster.StateDirectory, "tls-test.sock");
        start.Environment["CLUSTER_TLS_CERT"] = pem;
        using var proxy = Process.Start(start)!;
        try
        {
            using var handler = new HttpClientHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}/") };

            using var response = await FirstAnswerAsync(http);

            var cookies = response.Headers.GetValues("Set-Cookie").ToList();
            Assert.Contains(cookies, c => c.StartsWith("AIRISK_NODE=", StringComparison.Ordinal) && c.Contains("; Secure", StringComparison.OrdinalIgnoreCase));
            // The node believes the request came over https only from HAProxy's X-Forwarded-Proto, from a proxy it
            // trusts (FORWARDED_PROXIES): then it sends staff to sign in with an https redirect URI, and its own
            // sign-in cookies are Secure.
            var signIn = Uri.UnescapeDataString(response.Headers.Location!.Query);
            Assert.Contains($"redirect_uri=https://127.0.0.1:{port}/signin-oidc", signIn, StringComparison.Ordinal);
            // Every cookie, the node's own airisk.browser (which binds AIRisk's browser-mode sign-in) included.
            Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.", StringComparison.Ordinal));
            Assert.Contains(cookies, c => c.StartsWith("airisk.browser=", StringComparison.Ordinal));
        }
        finally
        {
            proxy.Kill();
            await proxy.WaitForExitAsync(Ct);
        }
    }

    /// <summary>The first answer of a proxy that is still starting (at most 10 s).</summary>
    private static async Task<HttpResponseMessage> FirstAnswerAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                // With staff sign-in the console's first answer is the redirect to the identity provider.
                var response = await http.GetAsync("/", Ct);
                return response.StatusCode == System.Net.HttpStatusCode.Redirect ? response : response.EnsureSuccessStatusCode();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }
        }
    }

    private static (int Real, int Effective) Uids(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var ids = line["Uid:".Length..].Split('\t', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(ids[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(ids[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <returns>The file's owner's uid and its mode in octal: "1001 400".</returns>
    private static async Task<string> OwnerAndModeAsync(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%u %a", path]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var owner = await stat.StandardOutput.ReadToEndAsync(Ct);
        await stat.WaitForExitAsync(Ct);
        return owner.Trim();
    }
}
