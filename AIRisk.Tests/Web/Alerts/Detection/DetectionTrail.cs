using AIRisk.Core.Api;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Detection;
using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Alerts.Detection;

/// <summary>
/// One node's detection over a real SQLite audit trail, on a test clock: replays act-as, refusals and views as the
/// acting switch and the acting audit record them, and reads back the alerts the rules raised. Two nodes share the
/// trail when opened on the same folder.
/// </summary>
internal sealed class DetectionTrail : IAsyncDisposable
{
    /// <summary>Tuesday 8 December 2026, 10:00 UTC (11:00 in Berlin).</summary>
    public static readonly DateTimeOffset Tuesday = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly string? _ownDirectory;

    private DetectionTrail(ServiceProvider services, FakeTimeProvider time, string? ownDirectory)
    {
        _services = services;
        Time = time;
        _ownDirectory = ownDirectory;
    }

    public FakeTimeProvider Time { get; }

    public Detector Detector => _services.GetRequiredService<Detector>();

    public IAuditTrail Trail => _services.GetRequiredService<IAuditTrail>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="directory">The audit database's folder, to share it with another node; a folder of its own when <c>null</c>.</param>
    public static async Task<DetectionTrail> OpenAsync(Dictionary<string, string?>? settings = null, string? directory = null, FakeTimeProvider? time = null)
    {
        var own = directory is null ? Directory.CreateTempSubdirectory("airisk-detect-").FullName : null;
        Dictionary<string, string?> values = new(settings ?? []) { [AuditOptions.DataDirectoryKey] = directory ?? own };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        time ??= new FakeTimeProvider(Tuesday);
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddAIRiskAudit(configuration, "/");
        services.AddAIRiskDetection(configuration);
        // The console's own policy decides who is protected (PROTECTED_TARGET_ROLE: Company Admin).
        services.AddSingleton<IProtectedTargets>(new ImpersonationPolicy(Options.Create(new ConsolePolicyOptions())));
        var provider = services.BuildServiceProvider();
        // The schema only: the checkpoint and retention services would seal and prune at moments of their own.
        foreach (var hosted in provider.GetServices<IHostedService>().OfType<AuditDatabaseInitializer>())
            await hosted.StartAsync(Ct);
        return new DetectionTrail(provider, time, own);
    }

    public static StaffMember Staff(string id) => new(id, $"{id} (support)", new HashSet<string>(), IsLocal: false);

    public static AIRiskUser User(int n, string domain = "customer.example") => new($"user-{n}", $"User {n}", $"user{n}@{domain}", "User");

    public static AIRiskUser CompanyAdmin(int n) => new($"admin-{n}", $"Admin {n}", $"admin{n}@customer.example", "Company Admin");

    /// <summary>An act-as as the switch runs it: the rules' check, then a refusal or the session's start record and its alerts.</summary>
    /// <returns>The session started, or <c>null</c> when the rules refused the act-as.</returns>
    public async Task<string?> ActAsAsync(StaffMember staff, AIRiskUser user)
    {
        var detected = await Detector.CheckActAsAsync(staff, user, Ct);
        if (detected.Refusal is { } refusal)
        {
            await Trail.RecordAsync(Entry(staff, AuditAction.ActAs, AuditOutcome.Refused, user) with { Error = refusal }, Ct);
            await Detector.AfterRefusalAsync(staff, detected.Findings);
            return null;
        }

        var session = Guid.NewGuid().ToString("N");
        await Trail.RecordAsync(Entry(staff, AuditAction.ActAs, AuditOutcome.Requested, user, session) with { Detail = $"session {session}" }, Ct);
        await Detector.RaiseAsync(staff, detected.Findings, session);
        return session;
    }

    /// <summary>An act-as the policy refused, as the switch records it.</summary>
    public async Task RefusedAsync(StaffMember staff, AIRiskUser user)
    {
        await Trail.RecordAsync(Entry(staff, AuditAction.ActAs, AuditOutcome.Refused, user) with { Error = "acting as a Company Admin needs the staff role 'admins'" }, Ct);
        await Detector.AfterRefusalAsync(staff, []);
    }

    /// <summary>A conversation viewed in <paramref name="session"/>, as the chat panel records it.</summary>
    public async Task ViewAsync(StaffMember staff, string session, AIRiskUser user, int conversation)
    {
        var viewed = Entry(staff, AuditAction.Viewed, AuditOutcome.Succeeded, user, session) with { Detail = $"conversation c-{conversation} “Question {conversation}”" };
        await Trail.RecordAsync(viewed, Ct);
        await Detector.AfterActivityAsync(staff, viewed);
    }

    /// <summary>A write in <paramref name="session"/>, as the write guard records it before it is sent.</summary>
    public async Task WriteAsync(StaffMember staff, string session, AIRiskUser user)
    {
        var write = Entry(staff, AuditAction.Write, AuditOutcome.Requested, user, session) with { Detail = "new conversation" };
        await Trail.RecordAsync(write, Ct);
        await Detector.AfterActivityAsync(staff, write);
    }

    /// <summary>The alerts in the trail (of <paramref name="rule"/>, when given), oldest first.</summary>
    public async Task<IReadOnlyList<Alert>> AlertsAsync(string? rule = null)
    {
        List<Alert> alerts = [];
        await foreach (var entry in Trail.ExportAsync(new AuditQuery(), Ct))
        {
            if (AlertRecord.FromEntry(entry) is { } alert && (rule is null || alert.Rule == rule))
                alerts.Add(alert);
        }

        alerts.Reverse();
        return alerts;
    }

    private AuditEntry Entry(StaffMember staff, AuditAction action, AuditOutcome outcome, AIRiskUser user, string? session = null) => new()
    {
        AtUtc = Time.GetUtcNow(),
        StaffId = staff.Id,
        StaffName = staff.Name,
        Action = action,
        Outcome = outcome,
        TargetUserId = user.Id,
        TargetUserName = user.DisplayName,
        SessionId = session,
    };

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownDirectory is not null)
            Directory.Delete(_ownDirectory, recursive: true);
    }
}
