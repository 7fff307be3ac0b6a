using AIRisk.Web.Acting;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;

namespace AIRisk.Web.Components.Layout;

public sealed partial class MainLayout : IDisposable
{
    private MudThemeProvider? _theme;
    private bool _darkMode;
    private bool _drawerOpen;
    private bool _panelClosed;
    private StaffLocale _locale = StaffLocale.Unknown;
    private UsersPanel _usersPanel = default!;

    [Inject]
    private SessionResume Resume { get; set; } = default!;

    [Inject]
    private SingleUserMode SingleUser { get; set; } = default!;

    [Inject]
    private ActingStatus Status { get; set; } = default!;

    /// <summary>
    /// The staff member, or the user acted as for them; anonymous once the staff sign-in is refused. Read here, not
    /// cascaded in: it changes on every switch (the acting user is in its claims), and as a cascading parameter each
    /// switch would re-render the whole screen while the switch waits for the user's data. The layout needs one bit
    /// of it.
    /// </summary>
    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    private bool _staffSignedIn;

    [Inject]
    private ActingSessionClock Clock { get; set; } = default!;

    [Inject]
    private SessionWatch Watch { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _usersPanel = new UsersPanel(IsOpen: false, EventCallback.Factory.Create(this, CloseUsersPanel));
        Navigation.LocationChanged += OnLocationChanged;
        Authentication.AuthenticationStateChanged += OnAuthenticationStateChanged;
        Watch.Start();
        _staffSignedIn = await IsSignedInAsync(Authentication.GetAuthenticationStateAsync());
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        Authentication.AuthenticationStateChanged -= OnAuthenticationStateChanged;
    }

    // The provider is read again rather than the state the event carried: notifications from several threads can arrive
    // out of order, and a late "signed in" must not show the console again to staff whose sign-in was just refused.
    private void OnAuthenticationStateChanged(Task<AuthenticationState> notified) => _ = InvokeAsync(async () =>
    {
        try
        {
            var signedIn = await IsSignedInAsync(Authentication.GetAuthenticationStateAsync());
            if (signedIn == _staffSignedIn)
                return;
            _staffSignedIn = signedIn;
            StateHasChanged();
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    private static async Task<bool> IsSignedInAsync(Task<AuthenticationState> state) => (await state).User.Identity?.IsAuthenticated == true;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        Clock.Touch();
        _drawerOpen = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_panelClosed)
        {
            // Its control (the row's Act as, say) went with the panel: focus returns to the button that opened it.
            _panelClosed = false;
            try
            {
                await JS.InvokeVoidAsync("airiskConsole.focusIfLost", "[data-testid=open-users]");
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; nothing to focus.
            }
        }

        if (!firstRender)
            return;
        if (_theme is not null)
            _darkMode = await _theme.GetSystemDarkModeAsync();
        var browser = await JS.InvokeAsync<BrowserLocale>("airiskConsole.locale");
        _locale = StaffLocale.From(browser.Language, browser.TimeZone);
        StateHasChanged();

        // The tab's storage is only readable once the page is interactive: a reload resumes its session here, and
        // single-user mode starts only when there was nothing to resume.
        // From then on an identity that changes changed because staff asked (a deep link waits for this to confirm).
        AIRisk.Core.Api.AIRiskUser? resumed;
        try
        {
            resumed = await Resume.ResumeAsync(CancellationToken.None);
        }
        finally
        {
            await Status.MarkStartedAsync();
        }

        if (resumed is not null)
            Snackbar.Add($"Resumed acting as {resumed.DisplayName}.", Severity.Info);
        else
            await SingleUser.StartAsync(CancellationToken.None);
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private void ToggleUsersPanel()
    {
        _usersPanel = _usersPanel with { IsOpen = !_usersPanel.IsOpen };
        // The panel lives on the console page; from another page, open it there.
        if (_usersPanel.IsOpen && Navigation.ToBaseRelativePath(Navigation.Uri) is var path && !IsConsole(path))
            Navigation.NavigateTo("/");
    }

    private void CloseUsersPanel()
    {
        if (_usersPanel.IsOpen)
        {
            _usersPanel = _usersPanel with { IsOpen = false };
            _panelClosed = true;
        }
    }

    private static bool IsConsole(string path) => path.Length == 0 || path[0] == '?' || path.StartsWith("act/", StringComparison.Ordinal) || path.StartsWith("workspace", StringComparison.Ordinal);

    private sealed record BrowserLocale(string? Language, string? TimeZone);
}
