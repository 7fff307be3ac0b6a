using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Approvals.Components;

/// <summary>The approvers' list: every open request, live from the feed; approve or deny with a note.</summary>
public sealed partial class ApprovalsPage : IDisposable
{
    private readonly Dictionary<string, string?> _notes = new(StringComparer.Ordinal);
    private IReadOnlyList<ApprovalRequest> _open = [];
    private bool _approver;
    private bool _busy;
    private string? _refusal;
    private string? _message;
    private string _staffId = "";
    private IDisposable? _watch;

    [Inject]
    private ApprovalFeed Feed { get; set; } = default!;

    [Inject]
    private ApprovalDesk Desk { get; set; } = default!;

    [Inject]
    private ApprovalRule Rule { get; set; } = default!;

    [Inject]
    private IOptions<ApprovalOptions> Options { get; set; } = default!;

    [Inject]
    private StaffContext Staff { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _staffId = Staff.Current.Id;
        _approver = Rule.IsApprover(Staff.Current);
        if (!_approver)
        {
            _refusal = Options.Value.ApproverRole is { } role
                ? $"Only staff holding the role '{role}' decide approval requests."
                : "Approvals are not enabled (set OPERATOR_APPROVER_ROLE).";
            return;
        }

        Feed.Changed += OnChanged;
        _watch = Feed.Watch();
        await Feed.RefreshAsync(CancellationToken.None);
        _open = Feed.Open;
    }

    private string? Note(string id) => _notes.GetValueOrDefault(id);

    private string Age(ApprovalRequest request)
    {
        var age = Time.GetUtcNow() - request.Created;
        return age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes} min" : $"{Math.Max(0, (int)age.TotalSeconds)} s";
    }

    private async Task DecideAsync(ApprovalRequest request, bool approve)
    {
        _busy = true;
        try
        {
            (_, _message) = await Desk.DecideAsync(request, approve, Note(request.Id), CancellationToken.None);
            _open = Feed.Open;
        }
        catch (Audit.AuditUnavailableException e)
        {
            _message = $"Not decided: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private void OnChanged(IReadOnlyList<ApprovalRequest> open) => _ = InvokeAsync(() =>
    {
        _open = open;
        StateHasChanged();
    });

    public void Dispose()
    {
        Feed.Changed -= OnChanged;
        _watch?.Dispose();
    }
}
