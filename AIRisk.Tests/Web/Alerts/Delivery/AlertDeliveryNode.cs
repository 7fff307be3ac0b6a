using AIRisk.Tests.Web.Audit.Streaming;
using AIRisk.Web.Alerts;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIRisk.Tests.Web.Alerts.Delivery;

/// <summary>
/// A node of its own over a real SQLite audit database, with the audit stream and the alerts' destinations as the
/// app wires them (the outbox polls every 50 ms and retries after 0.1 s here); alerts are recorded as the rules do.
/// </summary>
internal sealed class AlertDeliveryNode : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _provider;
    private int _alerts;
    private bool _stopped;

    private AlertDeliveryNode(string directory, ServiceProvider provider) => (_directory, _provider) = (directory, provider);

    public IServiceProvider Services => _provider;

    /// <summary>The data folder (the SQLite audit database), for a next node over the same trail.</summary>
    public string Directory => _directory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="pollInterval">How often the outbox looks for new records when idle; 50 ms unless given (the app's is 1 s).</param>
    public static async Task<AlertDeliveryNode> StartAsync(Dictionary<string, string?> settings, string? directory = null, TimeSpan? pollInterval = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("airisk-alerts-").FullName;
        FastOutbox.On(settings, directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskAudit(configuration, "/");
        services.AddAIRiskAlertDelivery(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<AuditStreamOptions>().PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(50);
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(Ct);
        return new AlertDeliveryNode(directory, provider);
    }

    /// <summary>Records an alert as a rule does, and returns it.</summary>
    public async Task<Alert> RecordAlertAsync(AlertSeverity severity = AlertSeverity.High)
    {
        var n = Interlocked.Increment(ref _alerts);
        var alert = new Alert(
            $"alert-{n}-{Guid.NewGuid():N}", AlertRules.FanOut, severity, DateTimeOffset.UtcNow, new AlertPerson("staff-1", "Ann Staff"),
            [new AlertPerson("user-1", "Zoë Müller"), new AlertPerson("user-2", "Bo \"Bobby\" Li")], ["s-1", "s-2"],
            $"Ann Staff acted as 11 users within 15 minutes (alert {n})");
        await _provider.GetRequiredService<IAuditTrail>().RecordAsync(AlertRecord.ToEntry(alert), Ct);
        return alert;
    }

    /// <summary>Records <paramref name="count"/> records that are not alerts (conversations viewed), with a JSON detail as an alert has.</summary>
    public async Task RecordViewsAsync(int count)
    {
        var audit = _provider.GetRequiredService<IAuditTrail>();
        for (var i = 0; i < count; i++)
        {
            await audit.RecordAsync(new AuditEntry
            {
                AtUtc = DateTimeOffset.UtcNow,
                StaffId = "staff-1",
                StaffName = "Ann Staff",
                Action = AuditAction.Viewed,
                Outcome = AuditOutcome.Succeeded,
                TargetUserId = "user-1",
                TargetUserName = "Zoë Müller",
                Detail = """{"conversation":"c-1"}""",
            }, Ct);
        }
    }

    /// <summary>The audit records as stored, in sequence order.</summary>
    public async Task<List<AuditStreamItem>> RecordsAsync() =>
        await _provider.GetRequiredService<AuditOutbox>().ReadRecordsAsync(0, 10_000, Ct);

    /// <summary>Stops the node's services and releases the database (the directory stays, for a next node over it).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        foreach (var hosted in _provider.GetServices<IHostedService>())
            await hosted.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
