namespace AIRisk.Tests.TestSupport;

/// <summary>The browser tests' app with the sandbox's Zendesk as its ticket system (as the embedded default has it).</summary>
public sealed class TicketsAppFixture : BrowserAppFixture
{
    protected override void Configure(Dictionary<string, string?> environment)
    {
        foreach (var (key, value) in Sandbox.TicketSettings("zendesk"))
            environment[key] = value;
    }
}
