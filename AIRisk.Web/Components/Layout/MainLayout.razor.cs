using AIRisk.Web.Services.Acting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AIRisk.Web.Components.Layout;

public sealed partial class MainLayout
{
    private MudThemeProvider? _theme;
    private bool _darkMode;
    private bool _drawerOpen = true;

    [Inject]
    private ActingService Acting { get; set; } = default!;

    protected override Task OnInitializedAsync() => Acting.StartSingleUserModeAsync(CancellationToken.None);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && _theme is not null)
        {
            _darkMode = await _theme.GetSystemDarkModeAsync();
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;
}
