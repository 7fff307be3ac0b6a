using AIRisk.TestSupport;
using AIRisk.Web.Audit.Streaming;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>The console's syslog messages as a real receiver (Debian's rsyslogd, its own instance) reads them.</summary>
public sealed class RsyslogTests : IAsyncLifetime
{
    private readonly RsyslogReceiver _rsyslog = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (RsyslogReceiver.SkipReason is null)
            await _rsyslog.StartAsync(Ct);
    }

    [Fact]
    public async Task Rsyslog_reads_octet_counted_RFC_5424_messages_field_by_field_with_escaped_parameters_and_the_JSON_MSG()
    {
        SkipUnlessInstalled();
        await using var sender = Sender();
        var message = Message("7", "ab\"c\\d]e", "{\"note\":\"line one\\nline two\"}");

        await sender.SendAsync([SyslogFrame.OctetCounted(message.ToBytes()), SyslogFrame.OctetCounted((message with { Msg = "{}" }).ToBytes())], Ct);

        var received = await _rsyslog.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(20), Ct);
        var first = received[0];
        Assert.Equal(("node-1", "airisk-console", "4242", "ActAs"), (first.HostName, first.AppName, first.ProcId, first.MsgId));
        Assert.Equal("2026-03-04T05:06:07.123456Z", first.Timestamp);
        Assert.Equal("7", first.Parameter("seq"));
        Assert.Equal("ab\"c\\d]e", first.Parameter("hash"));
        Assert.Equal("{\"note\":\"line one\\nline two\"}", first.Msg);
        Assert.Equal("{}", received[1].Msg);
    }

    [Fact]
    public async Task After_rsyslog_restarts_the_next_batch_arrives_on_a_new_connection()
    {
        SkipUnlessInstalled();
        await using var sender = Sender();
        await sender.SendAsync([SyslogFrame.OctetCounted(Message("1", "h1", "{}").ToBytes())], Ct);
        await _rsyslog.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(20), Ct);

        await _rsyslog.StopAsync(Ct);
        await Assert.ThrowsAsync<AuditStreamUnavailableException>(() => sender.SendAsync([SyslogFrame.OctetCounted(Message("2", "h2", "{}").ToBytes())], Ct));
        await _rsyslog.StartAsync(Ct);
        await sender.SendAsync([SyslogFrame.OctetCounted(Message("2", "h2", "{}").ToBytes())], Ct);

        var received = await _rsyslog.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(20), Ct);
        Assert.Equal(["1", "2"], received.Select(r => r.Parameter("seq")));
    }

    private SyslogSender Sender() =>
        new(new(false, "127.0.0.1", _rsyslog.Port), SyslogTrust.System, TimeSpan.FromSeconds(10), NullLogger<SyslogSender>.Instance);

    private static SyslogMessage Message(string seq, string hash, string msg) => new()
    {
        Severity = 6,
        Timestamp = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560),
        HostName = "node-1",
        AppName = "airisk-console",
        ProcId = "4242",
        MsgId = "ActAs",
        Parameters = [new("seq", seq), new("hash", hash)],
        Msg = msg,
    };

    private static void SkipUnlessInstalled()
    {
        if (RsyslogReceiver.SkipReason is { } reason)
            Assert.Skip(reason);
    }

    public ValueTask DisposeAsync() => _rsyslog.DisposeAsync();
}
