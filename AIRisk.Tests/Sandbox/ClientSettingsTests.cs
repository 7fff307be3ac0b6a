using AIRisk.Core.Configuration;
using AIRisk.Sandbox;

namespace AIRisk.Tests.Sandbox;

public sealed class ClientSettingsTests
{
    [Fact]
    public async Task A_sandbox_hands_out_its_settings_under_the_keys_the_console_reads()
    {
        await using var sandbox = await SandboxHost.StartAsync(o => o.RedirectUris = ["https://console.example/callback"], ct: TestContext.Current.CancellationToken);

        var settings = sandbox.ClientSettings();

        Assert.Equal(sandbox.BaseAddress.ToString(), settings[AIRiskKeys.BaseUrl]);
        Assert.Equal(sandbox.Options.ClientId, settings[AIRiskKeys.ClientId]);
        Assert.Equal(sandbox.Options.ClientSecret, settings[AIRiskKeys.ClientSecret]);
        Assert.Equal("https://console.example/callback", settings[AIRiskKeys.RedirectUri]);
        Assert.Equal(4, settings.Count);
    }
}
