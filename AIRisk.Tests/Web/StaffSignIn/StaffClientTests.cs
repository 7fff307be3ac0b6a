using AIRisk.Web.StaffSignIn;

namespace AIRisk.Tests.Web.StaffSignIn;

public sealed class StaffClientTests
{
    [Fact]
    public void A_user_agent_loses_its_control_and_direction_characters()
    {
        var client = new StaffClient();

        client.Remember("203.0.113.7", "Mozilla/5.0\r\nForged: line\u202Eevil\u0000");

        Assert.Equal("Mozilla/5.0Forged: lineevil", client.UserAgent);
    }

    [Fact]
    public void A_user_agent_longer_than_the_column_allows_is_cut()
    {
        var client = new StaffClient();

        client.Remember("203.0.113.7", new string('a', 5000));

        Assert.Equal(StaffClient.MaxUserAgentChars, client.UserAgent!.Length);
    }

    [Fact]
    public void An_IPv4_client_on_a_dual_stack_socket_is_named_as_IPv4()
    {
        var client = new StaffClient();

        client.Remember("::ffff:203.0.113.7", "Mozilla/5.0");

        Assert.Equal("203.0.113.7", client.IpAddress);
    }

    [Fact]
    public void No_address_or_browser_is_recorded_as_none()
    {
        var client = new StaffClient();

        client.Remember(null, "  ");

        Assert.Null(client.IpAddress);
        Assert.Null(client.UserAgent);
    }
}
