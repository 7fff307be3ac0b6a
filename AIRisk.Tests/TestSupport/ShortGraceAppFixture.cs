namespace AIRisk.Tests.TestSupport;

/// <summary>The browser tests' app with a closed tab's session ending after 3 s instead of minutes.</summary>
public sealed class ShortGraceAppFixture : BrowserAppFixture
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    protected override void Configure(Dictionary<string, string?> environment) =>
        environment[AIRisk.Web.Acting.Policy.ConsolePolicyKeys.TabClosedGraceMinutes] =
            Grace.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
