using AIRisk.Web.Services.Acting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AIRisk.Web.Components.Layout;

public sealed partial class MainLayout : IDisposable
{
    private MudThemeProvider? _theme;
    private bool _darkMode;
    private bool _drawerOpen = true;

    [Inject]
    private ActingService Acting { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        return Acting.StartSingleUserModeAsync(CancellationToken.None);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) => Acting.Touch();

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
