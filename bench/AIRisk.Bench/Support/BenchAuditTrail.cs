using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Bench.Support;

/// <summary>The app's SQLite audit trail in a temporary data folder of its own, with its services as the app wires them.</summary>
internal sealed class BenchAuditTrail : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airisk-bench-audit-").FullName;
    private readonly ServiceProvider _services;

    private BenchAuditTrail()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AuditOptions.DataDirectoryKey] = _folder }).Build();
        _services = new ServiceCollection().AddLogging().AddAIRiskAudit(configuration, _folder).BuildServiceProvider();
    }

    public AuditTrail Trail => _services.GetRequiredService<AuditTrail>();

    public static async Task<BenchAuditTrail> CreateAsync(CancellationToken ct)
    {
        var trail = new BenchAuditTrail();
        await trail.Trail.EnsureReadyAsync(ct);
        return trail;
    }

    /// <summary>
    /// Appends <paramref name="count"/> chained records in one transaction, hashing them here as the app's appender does
    /// one at a time, then seals a checkpoint at the last: a trail a million records long in seconds, not hours.
    /// </summary>
    public async Task FillAsync(int count, CancellationToken ct)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-30).UtcTicks;
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "audit.db")};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO audit_log (seq, at_utc_ticks, staff_id, staff_name, action, outcome, target_user_id, target_user_name,
                    reason, detail, error, session_id, client_ip, user_agent, prev_hash, hash)
                VALUES ($seq, $at, $staffId, $staffName, $action, $outcome, $targetId, $targetName, $reason, $detail, $error, $session, $ip, $agent, $prev, $hash)
                """;
            string[] names = ["$seq", "$at", "$staffId", "$staffName", "$action", "$outcome", "$targetId", "$targetName", "$reason", "$detail", "$error", "$session", "$ip", "$agent", "$prev", "$hash"];
            var parameters = names.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            insert.Prepare();
            var previous = AuditChainEncoding.Genesis;
            var row = new AuditRow();
            for (var i = 1; i <= count; i++)
            {
                Describe(row, i, AuditChainEncoding.TruncateToMicroseconds(start + i * TimeSpan.TicksPerSecond));
                row.PrevHash = previous;
                row.Hash = AuditChainEncoding.Hash(previous, row);
                object?[] values = [row.Seq, row.AtUtcTicks, row.StaffId, row.StaffName, row.Action, row.Outcome, row.TargetUserId, row.TargetUserName,
                    row.Reason, row.Detail, row.Error, row.SessionId, row.ClientIp, row.UserAgent, row.PrevHash, row.Hash];
                for (var p = 0; p < values.Length; p++)
                    parameters[p].Value = values[p] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync(ct);
                previous = row.Hash;
            }

            await using var head = connection.CreateCommand();
            head.CommandText = "UPDATE audit_chain_head SET seq = $seq, hash = $hash, at_utc_ticks = $at WHERE id = 1";
            head.Parameters.AddWithValue("$seq", row.Seq);
            head.Parameters.AddWithValue("$hash", row.Hash);
            head.Parameters.AddWithValue("$at", row.AtUtcTicks);
            await head.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }

        await _services.GetRequiredService<AuditCheckpointSealer>().SealIfDueAsync(force: true, ct);
    }

    /// <summary>Verifies the chain as <c>audit verify</c> does.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var key = _services.GetRequiredService<AuditSigningKeyProvider>().Key;
        return Trail.RunAsync(db => AuditChainCheck.RunAsync(db, key, [], null, ct), ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A record like the console's: mostly views and switches, a session start with its client now and then.</summary>
    private static void Describe(AuditRow row, int i, long at)
    {
        var start = i % 10 == 0;
        row.Seq = i;
        row.AtUtcTicks = at;
        row.StaffId = $"staff-{i % 37}";
        row.StaffName = $"Support Agent {i % 37}";
        row.Action = start ? nameof(AuditAction.ActAs) : nameof(AuditAction.Viewed);
        row.Outcome = start ? nameof(AuditOutcome.Requested) : nameof(AuditOutcome.Succeeded);
        row.TargetUserId = $"6d204783-a9b5-4541-b510-{i % 5000:000000000000}";
        row.TargetUserName = $"Customer {i % 5000}";
        row.Reason = start ? "ticket 4711" : null;
        row.Detail = start ? $"session {i / 10:x32}" : $"conversation {i:x16}";
        row.Error = null;
        row.SessionId = $"{i / 10:x32}";
        row.ClientIp = start ? "203.0.113.7" : null;
        row.UserAgent = start ? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36" : null;
    }
}
