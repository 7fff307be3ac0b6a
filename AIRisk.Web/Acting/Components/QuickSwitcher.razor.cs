using AIRisk.Core.Api;
using AIRisk.Web.Users;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AIRisk.Web.Acting.Components;

public sealed partial class QuickSwitcher
{
    private const int MaxResults = 8;

    private MudAutocomplete<AIRiskUser>? _box;
    private AIRiskUser? _selected;
    private string _noItems = "No user matches.";

    [Inject]
    private UserDirectoryLoader Directory { get; set; } = default!;

    [Inject]
    private ActingSwitch Acting { get; set; } = default!;

    [Inject]
    private RecentUsers Recent { get; set; } = default!;

    private async Task<IEnumerable<AIRiskUser>> SearchAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Recent.Users;
        try
        {
            var snapshot = await Directory.GetAsync(refresh: false, ct);
            var page = snapshot.Query(new UserQuery(Search: text, PageSize: MaxResults));
            _noItems = page.Matching == 0 ? $"No user matches “{text.Trim()}”." : "";
            return page.Items;
        }
        catch (AIRiskApiException e)
        {
            _noItems = $"The user list could not be loaded: {e.Message}";
            return [];
        }
    }

    private async Task ActAsAsync(AIRiskUser? user)
    {
        _selected = null;
        if (user is null)
            return;
        if (_box is not null)
            await _box.ClearAsync();
        await Acting.SwitchAsync(user);
    }
}
