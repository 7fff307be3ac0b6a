using System.Diagnostics;
using AIRisk.Core.Auth;
using AIRisk.Core.Telemetry;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Acting.Components;

/// <summary>
/// Base for every component that shows the acting user's data, and the one staleness guard: identity changes arrive
/// through the layout's <see cref="ActingSessionCascade"/> (in the same render batch as the banner's); on a change
/// the loads still running for the previous identity are cancelled and the component reloads, and any result or
/// error that arrives for an identity no longer on screen is dropped.
/// </summary>
public abstract class IdentityBoundComponent : ComponentBase, IDisposable
{
    private CancellationTokenSource _loads = new();
    private long _version = -1;

    [Inject]
    private TokenState Tokens { get; set; } = default!;

    /// <summary>The screen's acting view, cascaded by the layout.</summary>
    [CascadingParameter]
    private ActingView? View { get; set; }

    /// <summary>The identity this component's content belongs to.</summary>
    protected ActingIdentity Identity { get; private set; } = ActingIdentity.None;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        var session = View?.Identity ?? throw new InvalidOperationException($"{GetType().Name} must be rendered under an {nameof(ActingSessionCascade)}.");
        if (session.Version != _version)
        {
            // Synchronously up to its first await: the old identity's data is cleared before this render.
            _ = ReloadAsync(session);
        }

        return base.SetParametersAsync(ParameterView.Empty);
    }

    /// <summary>Called when the acting identity changes (and once at start): clear old data and start loading.</summary>
    protected abstract Task OnIdentityChangedAsync(ActingIdentity session, CancellationToken ct);

    /// <summary>Marks the start of an operation for the identity now on screen; ask it later whether it still is.</summary>
    protected IdentityTicket Ticket() => new(this, Identity.Version, _loads.Token);

    /// <summary>
    /// Runs <paramref name="load"/> for the current identity and applies the result only if that identity is still
    /// on screen when it completes; a failure for a stale identity is dropped too.
    /// </summary>
    /// <returns><c>true</c> when the result was applied.</returns>
    protected async Task<bool> LoadAsync<T>(Func<CancellationToken, Task<T>> load, Action<T> apply, Action<Exception> fail)
    {
        var applied = false;
        await RunAsync(async ticket =>
        {
            var result = await load(ticket.Token);
            if (ticket.IsCurrent)
            {
                apply(result);
                applied = true;
            }
        }, fail);
        return applied;
    }

    /// <summary>
    /// Runs <paramref name="operation"/> for the current identity. A failure is passed to <paramref name="fail"/> only
    /// while that identity is still on screen; a cancellation by a switch is silent. Nothing is rethrown: an error
    /// for an identity staff already left must not end the circuit.
    /// </summary>
    protected async Task RunAsync(Func<IdentityTicket, Task> operation, Action<Exception> fail)
    {
        var ticket = Ticket();
        try
        {
            await operation(ticket);
        }
        catch (OperationCanceledException) when (!ticket.IsCurrent)
        {
            // The identity changed (or the component went away): its loads were cancelled on purpose.
        }
        catch (Exception e)
        {
            if (ticket.IsCurrent)
                fail(e);
        }
    }

    private bool IsCurrent(long version, CancellationToken ct) =>
        !ct.IsCancellationRequested && version == _version && version == Tokens.Current.Version;

    private async Task ReloadAsync(ActingIdentity session)
    {
        try
        {
            _version = session.Version;
            Identity = session;
            var previous = _loads;
            _loads = new CancellationTokenSource();
            // Cancel (not CancelAsync): the clear below must happen before this component renders again.
            previous.Cancel();

            using var span = StartFirstLoad(session, out var loading);
            StateHasChanged();
            await loading;
            StateHasChanged();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DispatchExceptionAsync(e);
        }
    }

    /// <summary>
    /// Starts this identity's loads under an <c>airisk.load</c> span, a child of the switch that began the identity, so a
    /// slow switch shows which of the workspace's first loads held it up. The span is current only while the loads
    /// start (the calls they make are its children), not for whatever this component does next.
    /// </summary>
    private Activity? StartFirstLoad(ActingIdentity session, out Task loading)
    {
        var outer = Activity.Current;
        var span = session.SwitchTrace == default ? null
            : ConsoleTelemetry.Source.StartActivity("airisk.load", ActivityKind.Internal, session.SwitchTrace)?.SetTag("airisk.component", GetType().Name);
        try
        {
            loading = OnIdentityChangedAsync(session, _loads.Token);
        }
        finally
        {
            Activity.Current = outer;
        }

        return span;
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            _loads.Cancel();
    }

    /// <summary>Which identity an operation started under, and whether it is still the one on screen.</summary>
    protected readonly struct IdentityTicket(IdentityBoundComponent owner, long version, CancellationToken token)
    {
        /// <summary>Cancelled when the identity changes or the component goes away.</summary>
        public CancellationToken Token => token;

        public bool IsCurrent => owner.IsCurrent(version, token);
    }
}
