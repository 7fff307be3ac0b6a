using AIRisk.TestSupport;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// The browser tests' app streaming its trail to a real rsyslogd, with a data folder (so a trail and a chain) of its
/// own: what the SIEM receives is this app's records alone, from sequence 1.
/// </summary>
public class SiemAppFixture : BrowserAppFixture
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("airisk-siem-").FullName;

    public RsyslogReceiver Rsyslog { get; } = new();

    protected override async ValueTask ConfigureAsync(Uri appAddress, Dictionary<string, string?> environment)
    {
        if (RsyslogReceiver.SkipReason is null)
        {
            await Rsyslog.StartAsync(CancellationToken.None);
            environment[AuditStreamOptions.SyslogKey] = $"tcp://127.0.0.1:{Rsyslog.Port}";
        }

        environment[AuditOptions.DataDirectoryKey] = _dataDirectory;
        await base.ConfigureAsync(appAddress, environment);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Rsyslog.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
