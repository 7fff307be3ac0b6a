using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using StackExchange.Redis;

namespace AIRisk.Tests.Cluster;

/// <summary>
/// Two nodes behind HAProxy on PostgreSQL and Redis (deploy/cluster.sh), with staff signing in at the test identity
/// provider, driven in a real browser: one audit trail, tokens shared between nodes and never in clear in Redis, a
/// killed node's tab resuming on the other, and each engine stopped and started again under the nodes.
/// </summary>
[Collection(ClusterSuite.Name)]
public sealed class ClusterTests(ClusterFixture fixture) : IAsyncLifetime
{
    private LocalCluster Cluster => fixture.Cluster;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    public ValueTask InitializeAsync()
    {
        if (ClusterFixture.SkipReason is { } reason)
            Assert.Skip(reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_client_secret_with_shell_syntax_in_it_reaches_both_nodes_intact_and_they_sign_in_with_it()
    {
        // cluster.sh once wrote KEY=value unquoted into its state file and sourced it: '&' ran a command, '$x' expanded.
        Assert.Equal(LocalCluster.ClientSecret, Cluster.State["NODE_CLIENT_SECRET"]);

        // Each node acts as a user only once the sandbox accepted the node's client secret (invalid_client otherwise).
        var (first, _) = await ActOnNodeAsync(1, row: 3);
        var (second, _) = await ActOnNodeAsync(2, row: 3);

        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task Behind_the_proxy_a_request_naming_localhost_is_sent_to_sign_in_not_served()
    {
        // Through HAProxy every request reaches a node from loopback: a console without sign-in would serve this one.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Cluster.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "localhost";

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(Cluster.IdentityProvider.AuthorizationEndpoint.AbsoluteUri, response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/%6Detrics")]
    [InlineData("/METRICS/")]
    public async Task The_proxy_refuses_the_metrics_endpoint_however_its_path_is_spelled(string path)
    {
        using var http = new HttpClient { BaseAddress = Cluster.Address };

        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        // 403 from HAProxy itself; a node would send this anonymous request to sign in (or answer 404: no endpoint).
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Through_the_proxy_a_client_cannot_choose_the_address_the_audit_trail_records_for_it()
    {
        // The node believes HAProxy's X-Forwarded-For (FORWARDED_PROXIES), and takes its last entry: the one HAProxy
        // appends (option forwardfor). A proxy that passed the client's header on unchanged would let it name any address.
        var context = await fixture.ContextOnNodeAsync(1);
        await context.SetExtraHTTPHeadersAsync([new("X-Forwarded-For", "203.0.113.9")]);

        var (page, user) = await ActAsync(context, row: 5);

        await using var db = new NpgsqlConnection(Cluster.AppConnection);
        await db.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT client_ip FROM audit_log WHERE target_user_id = @user AND client_ip IS NOT NULL ORDER BY seq DESC LIMIT 1", db);
        command.Parameters.AddWithValue("user", user);
        Assert.Equal("127.0.0.1", (string?)await command.ExecuteScalarAsync(Ct));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_token_fetched_on_one_node_serves_the_other_with_no_token_call_and_is_never_in_clear_in_Redis()
    {
        var (first, user) = await ActOnNodeAsync(1, row: 7);
        // This user's token calls only: node 2 may still fetch its own generic token for the user list (its Redis
        // connection can come up after its first page load), which is not what this test is about.
        var calls = await Cluster.TokenCallsForAsync(user);

        var (second, _) = await ActOnNodeAsync(2, row: 7);

        Assert.Equal(calls, await Cluster.TokenCallsForAsync(user));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Cluster.RedisAdminConnection);
        var keys = RedisKeys(redis);
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            Assert.DoesNotContain(user, key, StringComparison.Ordinal);
            var stored = string.Join("|", (await redis.GetDatabase().HashGetAllAsync(key)).Select(e => e.Value.ToString()));
            Assert.DoesNotContain(user, stored, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Value\"", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("access_token", stored, StringComparison.Ordinal);
        }

        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task A_token_AIRisk_refuses_on_one_node_is_dropped_on_the_other_within_a_second()
    {
        var (first, user) = await ActOnNodeAsync(1, row: 16);
        await first.Context.CloseAsync();
        await Cluster.RevokeTokensAsync();
        var before = await Cluster.TokenCallsForAsync(user);

        // Node 2 uses the shared token, AIRisk refuses it, node 2 signs the user in again and tells node 1.
        // (More than one call when the generic token it signs in with was revoked too and is renewed on the way.)
        var (second, _) = await ActOnNodeAsync(2, row: 16);
        Assert.True(await Cluster.TokenCallsForAsync(user) > before, "Node 2 never signed the user in again after AIRisk refused the token.");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var refused = await RefusedUserCallsAsync();

        // Node 1 no longer holds the refused token and acts with node 2's new one, from Redis: AIRisk accepts it, and
        // node 1 asks for none of its own (dropping the refused token must not drop the new one from Redis).
        var tokenCalls = await Cluster.TokenCallsForAsync(user);
        var (again, _) = await ActOnNodeAsync(1, row: 16);
        Assert.Equal(refused, await RefusedUserCallsAsync());
        Assert.Equal(tokenCalls, await Cluster.TokenCallsForAsync(user));
        await second.Context.CloseAsync();
        await again.Context.CloseAsync();
    }

    [Fact]
    public async Task A_killed_nodes_tab_resumes_on_the_other_node_with_no_token_call_and_both_nodes_records_in_one_trail()
    {
        // The premise is a token node 1 shared. A node whose Redis connection is still coming up (an earlier test
        // restarted it, or Redis) keeps the tokens it fetches to itself, and HybridCache writes to Redis only after the
        // switch has its token: node 1 is killed once the new token stands in Redis, or the test says it never did.
        // The row is this test's alone: a user another test acted as already has a key (tests run in no fixed order),
        // and the keys are read after both nodes listed the users, so the generic token's key is among them.
        await WaitUntilBothNodesSeeRedisAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Cluster.RedisAdminConnection);
        var before = RedisKeys(redis);
        var (page, user) = await ActOnNodeAsync(1, row: 4);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!RedisKeys(redis).Except(before).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "Node 1 never shared the user's token in Redis.");
            await Task.Delay(100, Ct);
        }

        // The user's token calls: the resume looks its target up afresh, and node 2 may fetch a generic token to load the
        // user list for that, which is not what this test is about.
        var calls = await Cluster.TokenCallsForAsync(user);

        await Cluster.RunAsync("kill-node 1");
        try
        {
            // The tab finds its circuit gone, reloads through HAProxy onto node 2 and resumes from the session record.
            await Expect(page.GetByText("Resumed acting as")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Expect(page.GetByTestId("acting-as")).ToHaveAttributeAsync("data-user-id", user);
            Assert.Equal(calls, await Cluster.TokenCallsForAsync(user));
            Assert.Equal("node2", (await page.Context.CookiesAsync()).Single(c => c.Name == "AIRISK_NODE").Value);

            await using var db = new NpgsqlConnection(Cluster.AppConnection);
            await db.OpenAsync(Ct);
            // The session's own records: acting as a Company Admin also raises a sensitive-target alert for the user.
            await using var command = new NpgsqlCommand("SELECT action || ':' || outcome FROM audit_log WHERE target_user_id = @user AND action <> 'Alert' ORDER BY id", db);
            command.Parameters.AddWithValue("user", user);
            List<string> trail = [];
            await using (var reader = await command.ExecuteReaderAsync(Ct))
                while (await reader.ReadAsync(Ct))
                    trail.Add(reader.GetString(0));
            // From the session's start on: its start and success on node 1, then its resume on node 2 (a reconnect on a
            // loaded machine may take the tab up once more, and each resume is recorded).
            var session = trail.Skip(trail.LastIndexOf("ActAs:Requested")).ToList();
            Assert.True(
                session.Take(3).SequenceEqual(["ActAs:Requested", "ActAs:Succeeded", "Resumed:Succeeded"]) && session.Skip(3).All(r => r == "Resumed:Succeeded"),
                $"The session's records: {string.Join(", ", session)}");
        }
        finally
        {
            await Cluster.RunAsync("start-node 1");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_audit_log_is_append_only_for_the_nodes_role_and_for_its_owner()
    {
        await using var app = new NpgsqlConnection(Cluster.AppConnection);
        await app.OpenAsync(Ct);
        foreach (var sql in new[] { "UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, app).ExecuteNonQueryAsync(Ct));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        await using var owner = new NpgsqlConnection(Cluster.OwnerConnection);
        await owner.OpenAsync(Ct);
        var trigger = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("DELETE FROM audit_log", owner).ExecuteNonQueryAsync(Ct));
        Assert.Contains("append-only", trigger.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_ring_is_insert_only_for_the_nodes_role_and_its_owner_cannot_rewrite_it_either()
    {
        await using var app = new NpgsqlConnection(Cluster.AppConnection);
        await app.OpenAsync(Ct);
        Assert.True((long)(await new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", app).ExecuteScalarAsync(Ct))! > 0);
        foreach (var sql in new[] { "UPDATE data_protection_keys SET \"Xml\" = \"Xml\"", "DELETE FROM data_protection_keys", "TRUNCATE data_protection_keys" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, app).ExecuteNonQueryAsync(Ct));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }

        await using var owner = new NpgsqlConnection(Cluster.OwnerConnection);
        await owner.OpenAsync(Ct);
        foreach (var sql in new[] { "UPDATE data_protection_keys SET \"Xml\" = \"Xml\"", "DELETE FROM data_protection_keys" })
        {
            var trigger = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(sql, owner).ExecuteNonQueryAsync(Ct));
            Assert.Contains("insert-only", trigger.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_node_started_with_another_certificate_refuses_to_start_naming_it_and_leaves_the_ring_as_it_was()
    {
        using var other = AIRisk.Tests.Web.Audit.KeyRing.KeyRingNodes.Certificate("Another key ring");
        var pfx = Path.Combine(Directory.CreateTempSubdirectory("airisk-keyring-").FullName, "other.pfx");
        await File.WriteAllBytesAsync(pfx, other.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx-password-7f3a"), Ct);
        var settings = Cluster.NodeSettings("node-other-certificate");
        settings[KeyRingCertificate.PathKey] = pfx;
        settings[KeyRingCertificate.PasswordKey] = "pfx-password-7f3a";
        // Staff sign-in configured (never reached): the node is refused for its key ring, not as a local console.
        settings["OPERATOR_OIDC_AUTHORITY"] = "http://127.0.0.1:9/";
        settings["OPERATOR_OIDC_CLIENT_ID"] = "console";
        settings["OPERATOR_OIDC_CLIENT_SECRET"] = "secret";
        settings["OPERATOR_ROLE"] = "support";
        var keysBefore = await KeyRingRowsAsync();

        await using var node = WebAppProcess.Launch(settings);
        var exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains($"thumbprint {other.Thumbprint}, {KeyRingCertificate.PathKey}", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("pfx-password-7f3a", node.Output, StringComparison.Ordinal);
        Assert.Equal(keysBefore, await KeyRingRowsAsync());
    }

    private async Task<long> KeyRingRowsAsync()
    {
        await using var db = new NpgsqlConnection(Cluster.AppConnection);
        await db.OpenAsync(Ct);
        return (long)(await new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", db).ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Fifty_writers_on_both_nodes_lose_nothing()
    {
        // Two nodes' worth of audit writers (the app's own store, as each node has it) against the one database.
        await using var one = NodeAudit();
        await using var two = NodeAudit();
        IAuditTrail[] nodes = [one.GetRequiredService<IAuditTrail>(), two.GetRequiredService<IAuditTrail>()];
        var marker = Guid.NewGuid().ToString("N");
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => nodes[i % 2].RecordAsync(new AuditEntry
        {
            AtUtc = DateTimeOffset.UtcNow,
            StaffId = $"writer-{i}",
            StaffName = marker,
            Action = AuditAction.ActAs,
            Outcome = AuditOutcome.Succeeded,
        }, Ct)));

        var page = await nodes[0].QueryAsync(new AuditQuery(Staff: marker, Take: 100), Ct);
        Assert.Equal(50, page.Total);
    }

    [Fact]
    public async Task With_PostgreSQL_stopped_a_switch_fails_clearly_and_works_again_once_it_is_back()
    {
        var (page, before) = await ActOnNodeAsync(1, row: 9);
        var next = await page.GetByTestId("user-row").Nth(10).GetAttributeAsync("data-user-id");
        await Cluster.RunAsync("stop-postgres");
        try
        {
            await page.GetByTestId("user-row").Nth(10).GetByTestId("switch-user").ClickAsync();
            await Expect(page.GetByTestId("error-message")).ToContainTextAsync("audit database");
            // Nothing half-switched: still the user from before, banner and workspace alike.
            await Expect(page.GetByTestId("acting-as")).ToHaveAttributeAsync("data-user-id", before);
        }
        finally
        {
            await Cluster.RunAsync("start-postgres");
        }

        // The page was never lost: HAProxy kept both nodes in (they report Degraded, not down).
        await Expect(page.GetByTestId("user-search")).ToBeVisibleAsync();

        await page.GetByTestId("user-row").Nth(10).GetByTestId("switch-user").ClickAsync();
        await Expect(page.GetByTestId("acting-as")).ToHaveAttributeAsync("data-user-id", next!, new() { Timeout = 15_000 });
        await page.Context.CloseAsync();

        // Node 2 did nothing during the outage: its pool still holds connections PostgreSQL closed as it stopped.
        // Its first switch works all the same (one click, no "could not be reached").
        var (other, _) = await ActOnNodeAsync(2, row: 11);
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task With_Redis_stopped_switching_works_on_both_nodes_and_Redis_is_used_again_once_it_is_back()
    {
        await Cluster.RunAsync("stop-redis");
        try
        {
            var (one, _) = await ActOnNodeAsync(1, row: 12);
            var (two, _) = await ActOnNodeAsync(2, row: 13);
            await one.Context.CloseAsync();
            await two.Context.CloseAsync();
        }
        finally
        {
            await Cluster.RunAsync("start-redis");
        }

        // The nodes reconnect on their own (each on its own retry schedule): a token fetched on one serves the other again.
        await WaitUntilBothNodesSeeRedisAsync();
        var (first, user) = await ActOnNodeAsync(1, row: 14);
        // The user's token calls: node 2's new tab may need a generic token of its own to list the users (its memory
        // may have let the old one go while Redis was down), which is not what this test is about.
        var calls = await Cluster.TokenCallsForAsync(user);
        var (second, _) = await ActOnNodeAsync(2, row: 14);
        Assert.Equal(calls, await Cluster.TokenCallsForAsync(user));
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    /// <summary>Every key Redis holds now (the one server of the cluster's).</summary>
    private static HashSet<string> RedisKeys(ConnectionMultiplexer redis) =>
        [.. redis.GetServers()[0].Keys(pattern: "*").Select(k => k.ToString())];

    /// <summary>
    /// The refused calls made with a user's token (the chat API). The generic token was revoked too, and a node that
    /// has not yet been refused it may meet that refusal itself (its user list reloading, say): that is its first
    /// refusal, not a dropped token used again.
    /// </summary>
    private async Task<List<string>> RefusedUserCallsAsync() =>
        [.. (await Cluster.RefusedApiCallsAsync()).Where(c => c.Contains(" /api/Chat/", StringComparison.Ordinal))];

    /// <summary>
    /// Until each node's own health check says its Redis connection is up again (at most a minute). Each check's status
    /// is shown to signed-in staff only: asked in a browser signed in on that node.
    /// </summary>
    private async Task WaitUntilBothNodesSeeRedisAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        foreach (var node in new[] { 1, 2 })
        {
            var context = await fixture.ContextOnNodeAsync(node);
            try
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync("/");
                await Expect(page.GetByTestId("user-row").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
                while (!(await (await page.GotoAsync("/healthz"))!.TextAsync()).Contains("\"redis\":{\"status\":\"Healthy\"", StringComparison.Ordinal))
                {
                    Assert.True(DateTime.UtcNow < deadline, $"node {node} did not reconnect to Redis within a minute");
                    await Task.Delay(250, Ct);
                }
            }
            finally
            {
                await context.CloseAsync();
            }
        }
    }

    /// <summary>Opens the console on node <paramref name="node"/> and acts as the user in that row of the first page.</summary>
    private async Task<(IPage Page, string User)> ActOnNodeAsync(int node, int row) =>
        await ActAsync(await fixture.ContextOnNodeAsync(node), row);

    /// <summary>Opens the console in <paramref name="context"/> and acts as the user in that row of the first page.</summary>
    private static async Task<(IPage Page, string User)> ActAsync(IBrowserContext context, int row)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var target = page.GetByTestId("user-row").Nth(row);
        await Expect(target).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var user = (await target.GetAttributeAsync("data-user-id"))!;
        await target.GetByTestId("switch-user").ClickAsync();
        await Expect(page.GetByTestId("acting-as")).ToHaveAttributeAsync("data-user-id", user, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("agent-item").First).ToBeVisibleAsync();
        return (page, user);
    }

    /// <summary>A node's audit store on the cluster's database, as the node's role.</summary>
    private ServiceProvider NodeAudit()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { [AuditOptions.PostgresConnectionKey] = Cluster.AppConnection }).Build(), "/");
        return services.BuildServiceProvider();
    }
}
