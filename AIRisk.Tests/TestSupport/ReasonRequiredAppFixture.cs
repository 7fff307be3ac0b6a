namespace AIRisk.Tests.TestSupport;

/// <summary>The browser tests' app asking staff for a reason before every switch (<c>REQUIRE_REASON=true</c>).</summary>
public sealed class ReasonRequiredAppFixture : BrowserAppFixture
{
    protected override void Configure(Dictionary<string, string?> environment) =>
        environment[AIRisk.Web.Acting.Policy.ConsolePolicyKeys.RequireReason] = "true";
}
