using AIRisk.Web.Acting.Components;

namespace AIRisk.Tests.Web.Acting;

public sealed class TokenCountdownTests
{
    [Theory]
    [InlineData(3_700, "token valid 1 h 01 min")]
    [InlineData(125, "token valid 2 min 05 s")]
    [InlineData(9, "token valid 9 s")]
    [InlineData(-1, "token expired, renews on next use")]
    public void Countdown_reads_naturally(int seconds, string expected) =>
        Assert.Equal(expected, TokenCountdown.Describe(TimeSpan.FromSeconds(seconds)));
}
