using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The whole cluster of <c>deploy/cluster.sh</c> on free loopback ports: PostgreSQL, Redis, the standalone sandbox, two
/// published nodes and HAProxy, in a folder of its own; and a headless Chromium. Tests drive it as operators do, with
/// the script's own commands (kill-node, stop-postgres, ...), and read PostgreSQL, Redis and the sandbox directly.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("airisk-cluster-").FullName;
    private IPlaywright? _playwright;

    /// <summary>Why the cluster cannot run here (no browser, or PostgreSQL, Redis or HAProxy not installed), or null.</summary>
    public static string? SkipReason => BrowserAppFixture.SkipReason ?? (MissingEngines() is { Length: > 0 } missing
        ? $"Not installed: {missing}. apt-get install -y postgresql redis-server haproxy (.ci/run does) to run the cluster tests."
        : null);

    private static string MissingEngines() => string.Join(", ", new[]
    {
        Directory.Exists("/usr/lib/postgresql") && Directory.GetFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).Length > 0 ? null : "postgresql",
        OnPath("redis-server") ? null : "redis-server",
        OnPath("haproxy") ? null : "haproxy",
    }.OfType<string>());

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, program)));

    public Uri Address { get; private set; } = default!;

    public IReadOnlyDictionary<string, string> State { get; private set; } = new Dictionary<string, string>();

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The nodes' role (SELECT and INSERT on the audit log).</summary>
    public string AppConnection => Connection("airisk_app", State["PG_APP_PASSWORD"]);

    public string OwnerConnection => Connection("airisk_owner", State["PG_OWNER_PASSWORD"]);

    public string RedisConnection => $"127.0.0.1:{State["REDIS_PORT"]},abortConnect=false,connectTimeout=1000";

    public Uri SandboxAddress => new($"http://127.0.0.1:{State["SANDBOX_PORT"]}/");

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
            return;
        var output = await RunAsync("up", TimeSpan.FromMinutes(10));
        var line = output.Split('\n').Last(l => l.StartsWith("cluster: http", StringComparison.Ordinal));
        Address = new Uri(line["cluster: ".Length..].Trim() + "/");
        State = File.ReadAllLines(Path.Combine(_directory, "state.env"))
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = BrowserAppFixture.ChromiumPath, Args = ["--no-sandbox", "--disable-gpu"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (SkipReason is null)
            await RunAsync("down", TimeSpan.FromMinutes(1));
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Runs <c>deploy/cluster.sh</c> with <paramref name="arguments"/> against this fixture's cluster.</summary>
    public async Task<string> RunAsync(string arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash", $"{Path.Combine(Root, "deploy", "cluster.sh")} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CLUSTER_DIR"] = _directory;
        start.Environment["CLUSTER_PORT"] = WebAppProcess.FreeBaseAddress().Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var key in new[] { "AIRISK_BASE_URL", "CLIENT_ID", "CLIENT_SECRET", "REDIRECT_URI", "USER_ID" })
            start.Environment.Remove(key);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"deploy/cluster.sh {arguments} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    /// <summary>How many token calls the sandbox has answered so far.</summary>
    public async Task<int> TokenCallsAsync()
    {
        using var http = new HttpClient();
        var log = await http.GetFromJsonAsync<JsonElement>(new Uri(SandboxAddress, "sandbox/requests"));
        return log.GetProperty("token").GetInt32();
    }

    /// <summary>A browser context whose requests HAProxy sends to node <paramref name="node"/> (its sticky cookie).</summary>
    public async Task<IBrowserContext> ContextOnNodeAsync(int node)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        await context.AddCookiesAsync([new Cookie { Name = "AIRISK_NODE", Value = $"node{node}", Url = Address.ToString() }]);
        return context;
    }

    private string Connection(string user, string password) =>
        $"Host=127.0.0.1;Port={State["PG_PORT"]};Database=airisk;Username={user};Password={password};Timeout=3";

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
