using System.Text;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Audit.Streaming;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIRisk.Tests.Web.Audit.Streaming;

public sealed class SyslogSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Frames_arrive_whole_and_in_order_over_one_connection()
    {
        await using var listener = new SyslogTestListener();
        await using var sender = Sender(new(false, "127.0.0.1", listener.Port));

        await sender.SendAsync([Frame("one"), Frame("two")], Ct);
        await sender.SendAsync([Frame("three with\nnewline")], Ct);

        Assert.Equal(["one", "two", "three with\nnewline"], await listener.WaitForAsync(3, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, listener.Connections);
    }

    [Fact]
    public async Task A_connection_the_receiver_closed_is_replaced_before_the_next_batch_instead_of_swallowing_it()
    {
        await using var listener = new SyslogTestListener();
        await using var sender = Sender(new(false, "127.0.0.1", listener.Port));
        await sender.SendAsync([Frame("before")], Ct);
        await listener.WaitForAsync(1, TimeSpan.FromSeconds(10));

        listener.DisconnectAll();
        await sender.SendAsync([Frame("after")], Ct);

        Assert.Equal(["before", "after"], await listener.WaitForAsync(2, TimeSpan.FromSeconds(10)));
        Assert.Equal(2, listener.Connections);
    }

    [Fact]
    public async Task A_refused_connection_fails_the_batch_naming_the_destination()
    {
        await using var listener = new SyslogTestListener();
        listener.Stop();
        await using var sender = Sender(new(false, "127.0.0.1", listener.Port));

        var failure = await Assert.ThrowsAsync<AuditStreamUnavailableException>(() => sender.SendAsync([Frame("lost?")], Ct));

        Assert.StartsWith($"tcp://127.0.0.1:{listener.Port}: ", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_that_stops_reading_fails_the_batch_after_the_timeout()
    {
        await using var listener = new SyslogTestListener(mode: SyslogListenerMode.Stall);
        await using var sender = Sender(new(false, "127.0.0.1", listener.Port), TimeSpan.FromMilliseconds(500));

        var failure = await Assert.ThrowsAsync<AuditStreamUnavailableException>(() => sender.SendAsync([new byte[64 * 1024 * 1024]], Ct));

        Assert.Contains("no answer within 0.5 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_TLS_a_receiver_signed_by_the_CA_file_is_trusted()
    {
        using var certificates = new TestCertificates();
        await using var listener = new SyslogTestListener(certificates.Server);
        var (authorities, _) = SyslogTrust.LoadCaFile(certificates.AuthorityPemFile);
        await using var sender = new SyslogSender(new(true, "localhost", listener.Port), new SyslogTrust(authorities), TimeSpan.FromSeconds(10), NullLogger<SyslogSender>.Instance);

        await sender.SendAsync([Frame("secret")], Ct);

        Assert.Equal(["secret"], await listener.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Over_TLS_a_receiver_the_system_store_does_not_trust_is_refused()
    {
        using var certificates = new TestCertificates();
        await using var listener = new SyslogTestListener(certificates.Server);
        await using var sender = Sender(new(true, "localhost", listener.Port));

        await Assert.ThrowsAsync<AuditStreamUnavailableException>(() => sender.SendAsync([Frame("secret")], Ct));

        Assert.Empty(listener.Messages);
    }

    private static SyslogSender Sender(SyslogDestination destination, TimeSpan? timeout = null) =>
        new(destination, SyslogTrust.System, timeout ?? TimeSpan.FromSeconds(10), NullLogger<SyslogSender>.Instance);

    private static byte[] Frame(string text) => SyslogFrame.OctetCounted(Encoding.UTF8.GetBytes(text));
}
