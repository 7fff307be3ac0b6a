using AIRisk.Web.Audit;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AIRisk.Web.Alerts.Components;

/// <summary>
/// The alerts every node raised, newest first, for auditors, with their triage. New alerts appear by themselves (the
/// feed that drives the app bar's badge), and reading the page is on record like reading the trail.
/// </summary>
public sealed partial class AlertsPage : IDisposable
{
    private const int PageSize = 50;

    private List<AlertView> _alerts = [];
    private int _total;
    private string? _refusal;
    private bool _loaded;
    private IDisposable? _watch;
    private long _newestShown;

    [Inject]
    private AlertStore Store { get; set; } = default!;

    [Inject]
    private AlertFeed Feed { get; set; } = default!;

    [Inject]
    private IAuditTrail Audit { get; set; } = default!;

    [Inject]
    private AuditOptions Options { get; set; } = default!;

    [Inject]
    private StaffContext Staff { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (Options.ReadRefusal(Staff.Current) is { } refusal)
        {
            _refusal = refusal;
            return;
        }

        try
        {
            // Alerts are part of the trail: who read them is recorded, and a reading that cannot be recorded is not shown.
            await Audit.RecordAsync(AuditEntry.Read(Staff.Current, "opened the alerts page", Time.GetUtcNow()), CancellationToken.None);
            await LoadAsync(PageSize);
        }
        catch (AuditUnavailableException e)
        {
            _refusal = e.Message;
            return;
        }

        Feed.Changed += OnFeedChanged;
        _watch = Feed.Watch();
    }

    private async Task LoadAsync(int count)
    {
        var (items, total) = await Store.PageAsync(0, count, CancellationToken.None);
        _alerts = [.. items];
        _total = total;
        _newestShown = items.Count > 0 ? items[0].Seq : 0;
        _loaded = true;
    }

    private Task MoreAsync() => LoadAsync(_alerts.Count + PageSize);

    private void OnFeedChanged(AlertSummary summary) => _ = InvokeAsync(async () =>
    {
        // Only a new alert reloads the list; a triage here has already updated it.
        if (summary.NewestSeq <= _newestShown)
            return;
        try
        {
            await LoadAsync(Math.Max(_alerts.Count, PageSize));
            StateHasChanged();
        }
        catch (AuditUnavailableException)
        {
            // The list stays as it is; the feed tries again at its next tick.
        }
    });

    private async Task TriageAsync(AlertView view, AlertTriage state)
    {
        try
        {
            await Store.TriageAsync(view.Alert.Id, state, Staff.Current, CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            // Not recorded, so not done: the alert stays where it was.
            Snackbar.Add($"The triage was not recorded: {e.Message}", Severity.Error);
            return;
        }

        var index = _alerts.IndexOf(view);
        if (index >= 0)
            _alerts[index] = view with { State = state, TriagedBy = Staff.Current.Name, TriagedAt = Time.GetUtcNow() };
        await Feed.RefreshAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        Feed.Changed -= OnFeedChanged;
        _watch?.Dispose();
    }
}
