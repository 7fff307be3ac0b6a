using AIRisk.Web.Components.Shared;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace AIRisk.Web.Audit.Components;

/// <summary>The audit trail, newest first, filtered and paged in the database; the export uses the same filters.</summary>
public sealed partial class AuditLogPage
{
    private MudDataGrid<AuditEntry>? _grid;
    private string? _staff;
    private string? _target;
    private string? _ticket;
    private AuditOutcome? _outcome;
    private DateRange? _range;

    [Inject]
    private IAuditTrail Audit { get; set; } = default!;

    [Inject]
    private AuditOptions Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private StaffContext Staff { get; set; } = default!;


    private string? _refusal;
    private string? _session;

    /// <summary>A link to one session's timeline (from an alert): the page opens on it.</summary>
    [SupplyParameterFromQuery(Name = "session")]
    public string? LinkedSession { get; set; }

    /// <summary>A link to one ticket's sessions (from the ticket's note): the page opens filtered by it.</summary>
    [SupplyParameterFromQuery(Name = "ticket")]
    public string? LinkedTicket { get; set; }

    [CascadingParameter]
    private StaffLocale? Locale { get; set; }

    // The picked days are the staff member's own days, from their midnight to the next.
    private AuditQuery Query => new(
        _staff,
        _target,
        _outcome,
        _range?.Start is { } start ? (Locale ?? StaffLocale.Unknown).StartOfDay(start) : null,
        _range?.End is { } end ? (Locale ?? StaffLocale.Unknown).StartOfDay(end.AddDays(1)).AddTicks(-1) : null)
    {
        SessionId = _session,
        Ticket = _ticket,
    };

    protected override async Task OnInitializedAsync()
    {
        _session = string.IsNullOrWhiteSpace(LinkedSession) ? null : LinkedSession;
        _ticket = string.IsNullOrWhiteSpace(LinkedTicket) ? null : LinkedTicket.Trim();
        if (Options.ReadRefusal(Staff.Current) is { } refusal)
        {
            _refusal = refusal;
            return;
        }

        try
        {
            // Who read the trail is part of the trail; a reading that cannot be recorded is not shown.
            await Audit.RecordAsync(AuditEntry.Read(Staff.Current, "opened the audit page", Time.GetUtcNow()), CancellationToken.None);
        }
        catch (AuditUnavailableException e)
        {
            _refusal = e.Message;
        }
    }

    /// <summary>Shows one acting session as a timeline: start, views, writes, end (or every session again).</summary>
    private Task ShowSessionAsync(string? sessionId) => FilterAsync(() => _session = sessionId);

    private string ExportHref => QueryHelpers.AddQueryString("/audit/export.csv", new Dictionary<string, string?>
    {
        ["staff"] = _staff,
        ["target"] = _target,
        ["outcome"] = _outcome?.ToString(),
        ["from"] = Query.FromUtc?.ToString("O"),
        ["to"] = Query.ToUtc?.ToString("O"),
        ["session"] = _session,
        ["ticket"] = _ticket,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken ct)
    {
        var page = await Audit.QueryAsync(Query with { Skip = state.Page * state.PageSize, Take = state.PageSize }, ct);
        return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterAsync(Action change)
    {
        change();
        if (_grid is not null)
            await _grid.ReloadServerData();
    }
}
