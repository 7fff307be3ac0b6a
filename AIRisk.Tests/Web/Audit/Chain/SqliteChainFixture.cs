using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.Chain;

/// <summary>
/// An audit trail in a SQLite file of its own, written through the app, and the file's owner's raw access to it;
/// optionally on <paramref name="clock"/> and with more of the app's settings.
/// </summary>
internal sealed class SqliteChainFixture(TimeProvider? clock = null, Dictionary<string, string?>? settings = null) : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("airisk-chain-").FullName;
    private ServiceProvider? _services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Folder => _directory;

    public string DatabasePath => Path.Combine(_directory, "audit.db");

    public ServiceProvider Services => _services ??= Build();

    public AuditTrail Trail => Services.GetRequiredService<AuditTrail>();

    /// <summary>Writes <paramref name="count"/> records a minute apart (from <paramref name="start"/>, else <see cref="T0"/>), as the app does.</summary>
    public async Task RecordAsync(int count, int from = 0, DateTimeOffset? start = null)
    {
        for (var i = from; i < from + count; i++)
        {
            await Trail.RecordAsync(new AuditEntry
            {
                AtUtc = (start ?? T0).AddMinutes(i),
                StaffId = $"staff-{i}",
                StaffName = $"Staff {i}",
                Action = AuditAction.ActAs,
                Outcome = AuditOutcome.Succeeded,
                TargetUserId = $"user-{i}",
                Reason = i % 2 == 0 ? "" : null,
            }, Ct);
        }
    }

    public Task<AuditCheckpoint?> SealAsync() => Services.GetRequiredService<AuditCheckpointSealer>().SealIfDueAsync(force: true, Ct);

    public async Task<AuditVerification> VerifyAsync(IEnumerable<AuditCheckpoint>? offHost = null)
    {
        var key = Services.GetRequiredService<AuditSigningKeyProvider>().Key;
        return await Trail.RunAsync(db => AuditChainCheck.RunAsync(db, key, offHost ?? [], null, Ct), Ct);
    }

    /// <summary>Runs SQL as the file's owner, with the append-only triggers dropped first (nothing stops the owner).</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; " + sql;
        await command.ExecuteNonQueryAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
            services.AddSingleton(clock);
        var configuration = new Dictionary<string, string?>(settings ?? []) { [AuditOptions.DataDirectoryKey] = _directory };
        services.AddAIRiskAudit(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(), "/");
        return services.BuildServiceProvider();
    }
}
