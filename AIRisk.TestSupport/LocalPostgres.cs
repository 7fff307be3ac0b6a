using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AIRisk.TestSupport;

/// <summary>
/// PostgreSQL alone, as <c>deploy/cluster.sh</c> starts it (its own data directory, as the postgres user when run as
/// root, loopback only), on a free port, for tests of the audit database. Each database it makes has the cluster's two
/// roles: <c>airisk_owner</c> owns the schema, <c>airisk_app</c> (the nodes) has what <c>deploy/postgres-grants.sql</c>
/// grants. Local connections are trusted: it listens on loopback and lives as long as the tests.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("airisk-pg-").FullName;
    private int _port;
    private int _databases;

    /// <summary>The server binaries, or <c>null</c> when PostgreSQL is not installed.</summary>
    public static string? Binaries => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).Order().LastOrDefault()
        : null;

    public string Connection(string database, string role) => $"Host=127.0.0.1;Port={_port};Database={database};Username={role};Timeout=5;Command Timeout=30";

    public async Task StartAsync()
    {
        var bin = Binaries ?? throw new InvalidOperationException("PostgreSQL is not installed.");
        _port = FreePort();
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres:", _home);
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), "-D", Path.Combine(_home, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8");
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(_home, "data"), "-l", Path.Combine(_home, "log"), "-w", "-t", "30",
            "-o", $"-p {_port} -k {_home} -c listen_addresses=127.0.0.1", "start");
        await PsqlAsync("postgres", "CREATE ROLE airisk_owner LOGIN; CREATE ROLE airisk_app LOGIN;");
    }

    /// <summary>A new, empty database owned by <c>airisk_owner</c>, its public schema closed to everyone else.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"airisk_{Interlocked.Increment(ref _databases)}";
        await PsqlAsync("postgres", $"CREATE DATABASE {name} OWNER airisk_owner;");
        await PsqlAsync(name, "REVOKE CREATE ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO airisk_owner;");
        return name;
    }

    /// <summary>Applies <c>deploy/postgres-grants.sql</c> for <c>airisk_app</c>, as the cluster does after the schema.</summary>
    public Task GrantAsync(string database, string grantsFile) =>
        RunAsync("psql", "-h", "127.0.0.1", "-p", $"{_port}", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-v", "app_role=airisk_app", "-f", grantsFile);

    public Task PsqlAsync(string database, string sql, string role = "postgres") =>
        RunAsync("psql", "-h", "127.0.0.1", "-p", $"{_port}", "-U", role, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);

    public async ValueTask DisposeAsync()
    {
        if (Binaries is { } bin && File.Exists(Path.Combine(_home, "data", "postmaster.pid")))
            await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(_home, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(_home, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // PostgreSQL refuses to run as root.
    private static Task RunAsPostgresAsync(string file, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", file, .. arguments]) : RunAsync(file, arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }
}
