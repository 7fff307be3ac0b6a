using AIRisk.Sandbox;
using AIRisk.TestSupport;
using AIRisk.Web.Alerts.Delivery;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The browser tests' app streaming its trail to a real rsyslogd and posting its alerts to a webhook receiver, with a
/// data folder (so a trail and a chain) of its own: what the SIEM receives is this app's records alone, from sequence
/// 1, and the detection rules see this app's switches alone, with their defaults (the fan-out refusal on).
/// </summary>
public class SiemAppFixture : BrowserAppFixture
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("airisk-siem-").FullName;

    public const string WebhookSecret = "whsec k9+Zx/Q=w&p%41~t $x\"'";

    public RsyslogReceiver Rsyslog { get; } = new();

    public WebhookTestReceiver Webhook { get; private set; } = default!;

    /// <summary>Enough users for the alert tests (11 and up to 21 fresh ones) in any order beside the other tests.</summary>
    protected override void ConfigureSandbox(SandboxOptions options) => options.UserCount = 120;

    protected override async ValueTask ConfigureAsync(Uri appAddress, Dictionary<string, string?> environment)
    {
        if (RsyslogReceiver.SkipReason is null)
        {
            await Rsyslog.StartAsync(CancellationToken.None);
            environment[AuditStreamOptions.SyslogKey] = $"tcp://127.0.0.1:{Rsyslog.Port}";
        }

        Webhook = await WebhookTestReceiver.StartAsync();
        environment[AlertWebhookOptions.UrlKey] = Webhook.Url.ToString();
        environment[AlertWebhookOptions.SecretKey] = WebhookSecret;
        environment[DetectionOptions.FanOutRefuseKey] = "true";
        environment[AuditOptions.DataDirectoryKey] = _dataDirectory;
        await base.ConfigureAsync(appAddress, environment);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Rsyslog.DisposeAsync();
        if (Webhook is not null)
            await Webhook.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
