using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Web.Audit.Chain;

/// <summary>Each way the auditors tamper with a SQLite trail, found by the verifier with its kind and record.</summary>
public sealed class AuditChainTamperTests : IAsyncDisposable
{
    private readonly SqliteChainFixture _trail = new();

    [Fact]
    public async Task An_untouched_trail_is_intact_up_to_its_last_checkpoint()
    {
        await _trail.RecordAsync(5);
        await _trail.SealAsync();
        await _trail.RecordAsync(2, from: 5);

        var result = await _trail.VerifyAsync();

        Assert.Equal(["audit intact: 7 records, last checkpoint at record 5"], result.Lines);
    }

    [Fact]
    public async Task An_edited_field_is_a_hash_mismatch_at_that_record()
    {
        await _trail.RecordAsync(5);

        await _trail.TamperAsync("UPDATE audit_log SET target_user_id = 'someone-else' WHERE seq = 3;");

        Assert.Equal(["audit broken: hash_mismatch at record 3"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task A_null_turned_empty_is_a_hash_mismatch()
    {
        await _trail.RecordAsync(5);

        await _trail.TamperAsync("UPDATE audit_log SET reason = '' WHERE seq = 2;");

        Assert.Equal(["audit broken: hash_mismatch at record 2"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task A_deleted_middle_record_is_a_gap_where_it_was()
    {
        await _trail.RecordAsync(5);

        await _trail.TamperAsync("DELETE FROM audit_log WHERE seq = 3;");

        Assert.Equal(["audit broken: gap at record 3"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task A_forged_record_with_an_invented_hash_is_a_hash_mismatch()
    {
        await _trail.RecordAsync(5);

        await _trail.TamperAsync("""
            INSERT INTO audit_log (seq, at_utc_ticks, staff_id, staff_name, action, outcome, prev_hash, hash)
                SELECT 6, at_utc_ticks + 10, 'mallory', 'Mallory', 'ActAs', 'Succeeded', hash, hash FROM audit_log WHERE seq = 5;
            """);

        Assert.Equal(["audit broken: hash_mismatch at record 6"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task A_forged_record_hashed_correctly_but_after_the_wrong_record_is_a_link_mismatch()
    {
        await _trail.RecordAsync(5);
        var forged = new AuditRow { Seq = 6, AtUtcTicks = new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc).Ticks, StaffId = "mallory", StaffName = "Mallory", Action = "ActAs", Outcome = "Succeeded" };
        var hash = AuditChainEncoding.Hash(AuditChainEncoding.Genesis, forged);

        await _trail.TamperAsync($"""
            INSERT INTO audit_log (seq, at_utc_ticks, staff_id, staff_name, action, outcome, prev_hash, hash)
                VALUES (6, {forged.AtUtcTicks}, 'mallory', 'Mallory', 'ActAs', 'Succeeded', '{AuditChainEncoding.Genesis}', '{hash}');
            """);

        Assert.Equal(["audit broken: link_mismatch at record 6"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task Two_swapped_records_are_out_of_order()
    {
        await _trail.RecordAsync(5);

        await _trail.TamperAsync("UPDATE audit_log SET seq = -3 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = -3;");

        Assert.Contains("audit broken: order at record 4", (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task Deleted_newest_records_are_found_with_the_off_host_checkpoints()
    {
        await _trail.RecordAsync(5);
        var offHost = (await _trail.SealAsync())!;
        var line = AuditCheckpointLine.Format(offHost);

        await _trail.TamperAsync("DELETE FROM audit_log WHERE seq >= 4; DELETE FROM audit_checkpoint;");

        Assert.Equal(["audit intact: 3 records, last checkpoint at record 0"], (await _trail.VerifyAsync()).Lines);
        Assert.Equal(["audit broken: truncated at record 4"], (await _trail.VerifyAsync([AuditCheckpointLine.Parse(line)])).Lines);
    }

    [Fact]
    public async Task A_checkpoint_rewritten_in_the_database_is_a_bad_signature()
    {
        await _trail.RecordAsync(5);
        await _trail.SealAsync();

        await _trail.TamperAsync("UPDATE audit_checkpoint SET hash = (SELECT hash FROM audit_log WHERE seq = 4), seq = 4;");

        Assert.Equal(["audit broken: bad_signature at record 4"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task A_rewritten_and_rehashed_chain_disagrees_with_its_signed_checkpoint()
    {
        await _trail.RecordAsync(3);
        await _trail.SealAsync();
        var row = (await _trail.Trail.RunAsync(db => Task.FromResult(db.Entries.Single(r => r.Seq == 3)), TestContext.Current.CancellationToken));
        row.StaffName = "Someone Else";
        var hash = AuditChainEncoding.Hash(row.PrevHash!, row);

        await _trail.TamperAsync($"UPDATE audit_log SET staff_name = 'Someone Else', hash = '{hash}' WHERE seq = 3;");

        Assert.Equal(["audit broken: hash_mismatch at record 3"], (await _trail.VerifyAsync()).Lines);
    }

    [Fact]
    public async Task The_app_reports_a_break_in_its_health_and_keeps_writing()
    {
        await _trail.RecordAsync(3);
        var monitor = _trail.Services.GetRequiredService<AuditChainMonitor>();
        Assert.True((await monitor.VerifyAsync(TestContext.Current.CancellationToken)).Intact);
        await _trail.RecordAsync(2, from: 3);

        await _trail.TamperAsync("UPDATE audit_log SET detail = 'changed' WHERE seq = 4;");
        var result = await monitor.VerifyAsync(TestContext.Current.CancellationToken);
        await _trail.RecordAsync(1, from: 5);

        Assert.Equal(["audit broken: hash_mismatch at record 4"], result.Lines);
        Assert.False(_trail.Services.GetRequiredService<AuditChainStatus>().Last!.Intact);
    }

    public ValueTask DisposeAsync() => _trail.DisposeAsync();
}
