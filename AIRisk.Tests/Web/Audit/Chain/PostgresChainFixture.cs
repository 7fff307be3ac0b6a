using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.Chain;

/// <summary>
/// One PostgreSQL for the audit trail's PostgreSQL tests, which each make a database of their own, prepared as a
/// deployment is (schema by the owner, then <c>deploy/postgres-grants.sql</c>), and nodes on it as the nodes' role.
/// Absent without PostgreSQL: <see cref="PrepareDatabaseAsync"/> skips the test.
/// </summary>
public sealed class PostgresChainFixture : IAsyncLifetime
{
    public LocalPostgres? Server { get; private set; }

    private LocalPostgres Running => Server ?? throw new InvalidOperationException("PostgreSQL is not running.");

    public async ValueTask InitializeAsync()
    {
        if (LocalPostgres.Binaries is null)
            return;
        Server = new LocalPostgres();
        await Server.StartAsync();
    }

    /// <summary>A new database with the schema applied by the owner and the grants for the nodes' role.</summary>
    public async Task<string> PrepareDatabaseAsync(CancellationToken ct)
    {
        Assert.SkipWhen(Server is null, "PostgreSQL is not installed.");
        var database = await Running.CreateDatabaseAsync();
        await using (var owner = BuildNode(database, role: "airisk_owner"))
            await owner.GetRequiredService<AuditTrail>().EnsureReadyAsync(ct);
        await Running.GrantAsync(database, Path.Combine(RepositoryRoot(), "deploy", "postgres-grants.sql"));
        return database;
    }

    /// <summary>A node's audit services on <paramref name="database"/> as <paramref name="role"/>, with <paramref name="settings"/> besides.</summary>
    public ServiceProvider BuildNode(string database, string role = "airisk_app", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [AuditOptions.PostgresConnectionKey] = Running.Connection(database, role),
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath());
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "AIRisk.Console.sln")))
            directory = directory.Parent!;
        return directory.FullName;
    }
}
