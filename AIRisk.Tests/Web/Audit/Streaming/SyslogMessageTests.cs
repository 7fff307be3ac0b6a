using System.Text;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.Web.Audit.Streaming;

public sealed class SyslogMessageTests
{
    [Fact]
    public void A_message_has_the_RFC_5424_header_the_trail_parameters_and_a_UTF8_MSG_after_the_BOM()
    {
        var message = Message() with { Severity = 6, Msg = "{\"a\":\"Zoë\"}" };

        var bytes = message.ToBytes();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[^15..^12]);
        Assert.Equal(
            "<110>1 2026-03-04T05:06:07.123456Z node-1 airisk-console 4242 ActAs [airisk@32473 seq=\"7\" hash=\"ab12\"] \uFEFF{\"a\":\"Zoë\"}",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Parameter_values_escape_quote_backslash_and_closing_bracket()
    {
        var message = Message() with { Parameters = [new("seq", "1"), new("hash", "a\"b\\c]d")] };

        var text = Encoding.UTF8.GetString(message.ToBytes());

        Assert.Contains("[airisk@32473 seq=\"1\" hash=\"a\\\"b\\\\c\\]d\"] ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_fields_keep_only_printable_ASCII_within_their_lengths_and_an_empty_one_is_a_dash()
    {
        var message = Message() with { HostName = "nöde 1\n" + new string('h', 300), AppName = new string('a', 60), ProcId = "", MsgId = new string('m', 40) };

        var fields = Encoding.UTF8.GetString(message.ToBytes()).Split(' ');

        Assert.Equal("nde1" + new string('h', 251), fields[2]);
        Assert.Equal(new string('a', 48), fields[3]);
        Assert.Equal("-", fields[4]);
        Assert.Equal(new string('m', 32), fields[5]);
    }

    [Fact]
    public void A_frame_counts_the_bytes_of_the_message_not_its_characters()
    {
        var message = Encoding.UTF8.GetBytes("<110>1 - - - - - [x] Zoë\n");

        var frame = SyslogFrame.OctetCounted(message);

        Assert.Equal("26 <110>1 - - - - - [x] Zoë\n", Encoding.UTF8.GetString(frame));
    }

    private static SyslogMessage Message() => new()
    {
        Severity = 5,
        Timestamp = new DateTimeOffset(2026, 3, 4, 6, 6, 7, TimeSpan.FromHours(1)).AddTicks(1_234_560),
        HostName = "node-1",
        AppName = "airisk-console",
        ProcId = "4242",
        MsgId = "ActAs",
        Parameters = [new("seq", "7"), new("hash", "ab12")],
        Msg = "{}",
    };
}
