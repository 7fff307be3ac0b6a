using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Web.Services.Acting;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Components.Shared;

/// <summary>
/// Who the dashboard is acting as, read from the same <see cref="TokenState"/> snapshot as the token in use, so the
/// two cannot disagree. Cannot be dismissed; counts down the token's remaining time.
/// </summary>
public sealed partial class ActingBanner : IDisposable
{
    private IDisposable? _subscription;
    private ITimer? _ticker;

    [Inject]
    private TokenState Tokens { get; set; } = default!;

    [Inject]
    private ActingService ActingService { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The screen's acting view; when absent (rendered on its own), the banner listens to TokenState itself.</summary>
    [CascadingParameter]
    private ActingView? View { get; set; }

    private ActingSession Current => View?.Session ?? Tokens.Current;

    private AIRiskUser? Acting => Current.IsActing ? Current.User : null;

    private AIRiskUser? Switching => View is null ? Tokens.SwitchingTo : View.SwitchingTo;

    private string Remaining => Current.Token is { } token ? TokenCountdown.Describe(token.ExpiresAt - Time.GetUtcNow()) : "";

    private string? SessionLeft => ActingService.Clock.IsRunning ? TokenCountdown.DescribeSession(ActingService.Clock.Remaining()) : null;

    protected override void OnInitialized()
    {
        if (View is null)
            _subscription = Tokens.NotifyOnChange(() => InvokeAsync(StateHasChanged));
        _ticker = Time.CreateTimer(_ => _ = InvokeAsync(TickAsync), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private Task StopAsync() => ActingService.StopActingAsync();

    // The banner is always on screen, so its one-second tick also enforces the session's idle timeout and cap.
    private async Task TickAsync()
    {
        await ActingService.ExpireIfDueAsync();
        StateHasChanged();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _ticker?.Dispose();
    }
}
