using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit.Sessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace AIRisk.Web.Acting.Components;

/// <summary>
/// Who the dashboard is acting as, read from the same <see cref="ActingIdentity"/> snapshot as the token in use, so
/// the two cannot disagree. Cannot be dismissed; counts down the token's and the session's remaining time.
/// </summary>
public sealed partial class ActingBanner : IDisposable
{
    private ITimer? _ticker;
    private bool _refocus;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private SessionEnder Ender { get; set; } = default!;

    [Inject]
    private ActingSessionClock Clock { get; set; } = default!;

    [Inject]
    private IOptions<ConsolePolicyOptions> Policy { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [CascadingParameter]
    private ActingView View { get; set; } = default!;

    private AIRiskUser? Acting => View.Identity.IsActing ? View.Identity.User : null;

    private AIRiskUser? Switching => View.SwitchingTo;

    /// <summary>What a screen reader is told when the identity changes (a failed switch is announced by its alert).</summary>
    private string Announcement => Switching is { } target ? $"Switching to {target.DisplayName}…"
        : Acting is { } user ? $"Now acting as {user.DisplayName}{(user.Role is null ? "" : $", {user.Role}")}."
        : "Not acting as anyone.";

    private string BannerClass => Acting is null ? "acting-banner" : "acting-banner acting-banner--acting";

    private string Remaining => View.Identity.Token is { } token ? TokenCountdown.Describe(token.ExpiresAt - Time.GetUtcNow()) : "";

    private string? SessionLeft => Clock.IsRunning ? TokenCountdown.DescribeSession(Clock.Remaining()) : null;

    private string SessionLimits =>
        $"The acting session ends after {Policy.Value.IdleTimeout.TotalMinutes:0} min without activity, or {Policy.Value.MaxSession.TotalMinutes:0} min after it began";

    // The countdowns move every second; ending the session on time is ActingSessionExpiry's job, not this display's.
    protected override void OnInitialized() =>
        _ticker = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    private async Task StopAsync()
    {
        _refocus = true;
        await Ender.EndAsync(SessionEndCause.Stopped);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // After the render that removed the Stop button (which had focus): to the quick switcher, to pick the next user.
        if (_refocus && Acting is null)
        {
            _refocus = false;
            try
            {
                await JS.InvokeVoidAsync("airiskConsole.focusIfLost", "input[data-testid=quick-switch]");
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; nothing to focus.
            }
        }
    }

    public void Dispose() => _ticker?.Dispose();
}
