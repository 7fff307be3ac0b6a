using AIRisk.Core.Auth;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Components.Shared;

/// <summary>
/// Base for every component that shows the acting user's data. On a switch it cancels the loads still running for
/// the previous identity and reloads; a result (or error) that arrives for an identity no longer active is dropped,
/// so the screen never shows one user's data under another user's banner.
/// </summary>
public abstract class IdentityBoundComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CancellationTokenSource _loads = new();
    private long _version = -1;

    private bool _initialized;

    [Inject]
    protected TokenState Tokens { get; set; } = default!;

    /// <summary>The screen's acting view, when an <see cref="ActingSessionCascade"/> is above this component.</summary>
    [CascadingParameter]
    private ActingView? View { get; set; }

    /// <summary>The identity this component's content belongs to.</summary>
    protected ActingSession Session { get; private set; } = ActingSession.None;

    protected override async Task OnInitializedAsync()
    {
        // Under the cascade, identity changes arrive as parameters in the same render batch as the banner's;
        // rendered on its own (tests, embedding), the component listens to TokenState itself.
        if (View is null)
            _subscription = Tokens.NotifyOnChange(() => InvokeAsync(OnTokenStateChangedAsync));
        _initialized = true;
        await ApplyIdentityAsync(View?.Session ?? Tokens.Current);
    }

    public override Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (_initialized && View is { } view)
        {
            Session = view.Session;
            if (view.Session.Version != _version)
            {
                // Synchronously up to its first await: the old identity's data is cleared before this render.
                _ = ReloadAsync(view.Session);
            }
        }

        return base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>Called when the acting identity changes (and once at start): clear old data and start loading.</summary>
    protected abstract Task OnIdentityChangedAsync(ActingSession session, CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="load"/> for the current identity and applies the result only if that identity is still
    /// active when it completes. Failures for a stale identity are dropped too.
    /// </summary>
    /// <returns><c>true</c> when the result was applied.</returns>
    protected async Task<bool> LoadAsync<T>(Func<CancellationToken, Task<T>> load, Action<T> apply, Action<Exception>? fail = null)
    {
        var version = Session.Version;
        var ct = _loads.Token;
        try
        {
            var result = await load(ct);
            if (!IsCurrent(version, ct))
                return false;
            apply(result);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (fail is not null && e is not OperationCanceledException)
        {
            if (IsCurrent(version, ct))
                fail(e);
            return false;
        }
    }

    /// <summary>True while <paramref name="version"/> is still the identity on screen.</summary>
    protected bool IsCurrent(long version, CancellationToken ct) =>
        !ct.IsCancellationRequested && version == _version && version == Tokens.Current.Version;

    /// <summary>A token cancelled when the identity changes or the component goes away.</summary>
    protected CancellationToken IdentityCancellation => _loads.Token;

    private Task OnTokenStateChangedAsync()
    {
        var current = Tokens.Current;
        Session = current;
        if (current.Version != _version)
        {
            // Not awaited: TokenState must not wait for every component's loads, and components load in parallel.
            _ = ReloadAsync(current);
        }

        StateHasChanged();
        return Task.CompletedTask;
    }

    private async Task ReloadAsync(ActingSession session)
    {
        try
        {
            await ApplyIdentityAsync(session);
            StateHasChanged();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DispatchExceptionAsync(e);
        }
    }

    private async Task ApplyIdentityAsync(ActingSession session)
    {
        _version = session.Version;
        Session = session;
        var previous = _loads;
        _loads = new CancellationTokenSource();
        // Cancel (not CancelAsync): the clear below must happen before this component renders again.
        previous.Cancel();

        var loading = OnIdentityChangedAsync(session, _loads.Token);
        StateHasChanged();
        await loading;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        _subscription?.Dispose();
        _loads.Cancel();
    }
}
