using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AIRisk.Core.Configuration;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Cluster;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.TestSupport;

/// <summary>
/// The whole cluster of <c>deploy/cluster.sh</c> on free loopback ports, in a folder of its own: PostgreSQL, Redis, the
/// standalone sandbox, two published nodes and HAProxy, with staff signing in at a <see cref="TestIdentityProvider"/>
/// in this process (its user holds <see cref="StaffRole"/>). Driven as operators do, with the script's own commands
/// (kill-node, stop-postgres, ...); PostgreSQL, Redis and the sandbox can be read directly. For tests and benchmarks.
/// </summary>
public sealed class LocalCluster(int sandboxLatencyMs = 0)
{
    /// <summary>The role the identity provider's default user holds: enough to use the console and act as anyone.</summary>
    public const string StaffRole = "airisk-console";

    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-cluster-").FullName;

    // Known before the cluster starts: the identity provider must accept the redirect URI the nodes build behind
    // HAProxy (http://127.0.0.1:<port>/signin-oidc).
    private readonly int _port = WebAppProcess.ReservePort();

    private TestOidcClient? _oidcClient;
    private TestIdentityProvider? _identityProvider;

    public Uri Address { get; private set; } = default!;

    /// <summary>Where the nodes send staff to sign in (it signs in its <see cref="TestIdentityProvider.User"/> at once).</summary>
    public TestIdentityProvider IdentityProvider => _identityProvider ?? throw new InvalidOperationException("The cluster has not been started.");

    public IReadOnlyDictionary<string, string> State { get; private set; } = new Dictionary<string, string>();

    /// <summary>The nodes' role (SELECT and INSERT on the audit log).</summary>
    public string AppConnection => Connection("airisk_app", State["PG_APP_PASSWORD"]);

    public string OwnerConnection => Connection("airisk_owner", State["PG_OWNER_PASSWORD"]);

    /// <summary>Redis as the nodes connect to it: their ACL user, which may run the token cache's commands only.</summary>
    public string RedisConnection =>
        $"127.0.0.1:{State["REDIS_PORT"]},user=airisk-node,password={State["REDIS_NODE_PASSWORD"]},tiebreaker=,configChannel=,$CONFIG=,$CLUSTER=,abortConnect=false,connectTimeout=1000";

    /// <summary>Redis as its administrator (every command), to look at what the nodes stored.</summary>
    public string RedisAdminConnection =>
        $"127.0.0.1:{State["REDIS_PORT"]},user=airisk-admin,password={State["REDIS_ADMIN_PASSWORD"]},abortConnect=false,connectTimeout=1000";

    /// <summary>Where the script keeps its state (state.env with every password), pid files and logs.</summary>
    public string StateDirectory => _directory;

    /// <summary>What the nodes, the sandbox and Redis read and write, apart from the state (cluster.sh's SERVICE_HOME).</summary>
    public string ServiceHome => State["SERVICE_HOME"];

    public Uri SandboxAddress => new($"http://127.0.0.1:{State["SANDBOX_PORT"]}/");

    /// <summary>What this machine lacks to run a cluster (empty when nothing).</summary>
    public static string MissingEngines() => string.Join(", ", new[]
    {
        Directory.Exists("/usr/lib/postgresql") && Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).Length > 0 ? null : "postgresql",
        OnPath("redis-server") ? null : "redis-server",
        OnPath("haproxy") ? null : "haproxy",
        OnPath("curl") ? null : "curl",
        OnPath("python3") ? null : "python3",
    }.OfType<string>());

    /// <summary>
    /// The client secret the cluster's sandbox and nodes share: every character a real secret may hold that a shell
    /// would read as syntax, so a cluster that starts at all has carried it through its state file intact.
    /// </summary>
    public const string ClientSecret = "k9+Zx/Q=w&p%41~t $x\"'";

    public async Task StartAsync()
    {
        try
        {
            // The nodes' client secret at the provider is as hostile as AIRisk's: it too goes through the state file.
            _oidcClient = TestOidcClient.For(new Uri($"http://127.0.0.1:{_port}/")) with { ClientSecret = ClientSecret };
            _identityProvider = await TestIdentityProvider.StartAsync(_oidcClient);
            var output = await RunAsync("up", TimeSpan.FromMinutes(10));
            var line = output.Split('\n').Last(l => l.StartsWith("cluster: http", StringComparison.Ordinal));
            Address = new Uri(line["cluster: ".Length..].Trim() + "/");
            State = File.ReadAllLines(Path.Combine(_directory, "state.env"))
                .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        }
        catch
        {
            // Whatever an interrupted start left running is stopped.
            await StopAsync();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (Directory.Exists(_directory))
        {
            await RunAsync("down", TimeSpan.FromMinutes(1));
            Directory.Delete(_directory, recursive: true);
        }

        if (_identityProvider is not null)
            await _identityProvider.DisposeAsync();
    }

    /// <summary>Runs <c>deploy/cluster.sh</c> with <paramref name="arguments"/> against this fixture's cluster.</summary>
    public async Task<string> RunAsync(string arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash", $"{Script} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CLUSTER_DIR"] = _directory;
        start.Environment["SANDBOX_CLIENT_SECRET"] = ClientSecret;
        start.Environment["SANDBOX_LATENCY_MS"] = sandboxLatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CLUSTER_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] inherited = ["AIRISK_BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "REDIRECT_URI", "USER_ID", .. StaffSignInKeys];
        foreach (var key in inherited)
            start.Environment.Remove(key);
        // Only `up` is told: the other commands (start-node) must find the sign-in settings in the state file.
        if (arguments == "up" && _oidcClient is { } client && _identityProvider is { } provider)
        {
            start.Environment["OPERATOR_OIDC_AUTHORITY"] = provider.BaseAddress.ToString();
            start.Environment["OPERATOR_OIDC_CLIENT_ID"] = client.ClientId;
            start.Environment["OPERATOR_OIDC_CLIENT_SECRET"] = client.ClientSecret;
            start.Environment["OPERATOR_ROLE"] = StaffRole;
            // As the local operator could: the tests act as any user, Company Admins included.
            start.Environment["OPERATOR_ADMIN_ROLE"] = StaffRole;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Not left running (starting parts after the caller gave up); what it started already, `down` stops.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deploy/cluster.sh {arguments} did not finish in time.");
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/cluster.sh {arguments} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    /// <summary>The staff sign-in settings <c>deploy/cluster.sh up</c> reads from its environment.</summary>
    public static IReadOnlyList<string> StaffSignInKeys { get; } =
        ["OPERATOR_OIDC_AUTHORITY", "OPERATOR_OIDC_CLIENT_ID", "OPERATOR_OIDC_CLIENT_SECRET", "OPERATOR_ROLE", "OPERATOR_ADMIN_ROLE", "OPERATOR_AUDITOR_ROLE"];

    /// <summary>
    /// The settings a node of this cluster runs with (AIRisk's, PostgreSQL as the nodes' role with a pool of its own,
    /// Redis, the key ring's certificate), for the dashboard's services run in another process as node
    /// <paramref name="node"/>.
    /// </summary>
    public Dictionary<string, string?> NodeSettings(string node) => new()
    {
        [AIRiskKeys.BaseUrl] = State["NODE_BASE_URL"],
        [AIRiskKeys.ClientId] = State["NODE_CLIENT_ID"],
        [AIRiskKeys.ClientSecret] = State["NODE_CLIENT_SECRET"],
        [AIRiskKeys.RedirectUri] = State["NODE_REDIRECT_URI"],
        [AuditOptions.PostgresConnectionKey] = Connection("airisk_app", State["PG_APP_PASSWORD"], pooled: true) + $";Maximum Pool Size=20;Application Name={node}",
        [ClusterOptions.RedisConnectionKey] = RedisConnection,
        [KeyRingCertificate.PathKey] = Path.Combine(ServiceHome, "keyring.pfx"),
        [KeyRingCertificate.PasswordKey] = State["KEYRING_PASSWORD"],
        [AuditChainOptions.SigningKeyKey] = Path.Combine(ServiceHome, "audit-signing-key.pem"),
        [StaffSignInOptions.PublicHostsKey] = State["NODE_PUBLIC_HOSTS"],
    };

    /// <summary>The process id of a part the script started: <c>node1</c>, <c>sandbox</c>, <c>redis</c>, <c>haproxy</c>...</summary>
    public int ProcessId(string part) =>
        int.Parse(File.ReadAllText(Path.Combine(_directory, $"{part}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many token calls the sandbox has answered so far for <paramref name="userId"/>.</summary>
    public async Task<int> TokenCallsForAsync(string userId)
    {
        using var http = new HttpClient();
        var log = await http.GetFromJsonAsync<JsonElement>(new Uri(SandboxAddress, "sandbox/requests"));
        return log.GetProperty("tokenByUser").TryGetProperty(userId, out var calls) ? calls.GetInt32() : 0;
    }

    /// <summary>The API calls the sandbox has refused with 401 so far (a token used after AIRisk refused it): time, call, user.</summary>
    public async Task<List<string>> RefusedApiCallsAsync()
    {
        using var http = new HttpClient();
        var log = await http.GetFromJsonAsync<JsonElement>(new Uri(SandboxAddress, "sandbox/requests"));
        return [.. log.GetProperty("apiRefusedCalls").EnumerateArray().Select(c => c.GetString()!)];
    }

    /// <summary>Has the sandbox refuse every token it issued so far (as AIRisk does when it revokes them).</summary>
    public async Task RevokeTokensAsync()
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(SandboxAddress, "sandbox/tokens/revoke"), null)).EnsureSuccessStatusCode();
    }

    /// <summary>How many token calls the sandbox has answered so far.</summary>
    public async Task<int> TokenCallsAsync()
    {
        using var http = new HttpClient();
        var log = await http.GetFromJsonAsync<JsonElement>(new Uri(SandboxAddress, "sandbox/requests"));
        return log.GetProperty("token").GetInt32();
    }

    /// <param name="pooled">Unpooled unless asked: the tests stop and start PostgreSQL, which closes whatever a pool would
    /// still hold.</param>
    private string Connection(string user, string password, bool pooled = false) =>
        $"Host=127.0.0.1;Port={State["PG_PORT"]};Database=airisk;Username={user};Password={password};Timeout=3;Pooling={(pooled ? "true" : "false")}";

    /// <summary>deploy/cluster.sh in this repository.</summary>
    public static string Script => Path.Combine(Root, "deploy", "cluster.sh");

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    private static string Root
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AIRisk.Console.sln")))
                root = root.Parent;
            return root?.FullName ?? throw new DirectoryNotFoundException("The repository root (AIRisk.Console.sln) was not found.");
        }
    }
}
