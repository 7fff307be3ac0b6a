using AIRisk.Core.Api;

namespace AIRisk.Core.Auth;

/// <summary>
/// One switch, from the click to the moment it takes effect or is given up: its <see cref="Token"/> is cancelled when a
/// newer click (or a stop) supersedes it, or when the caller's own token is. Issued by <see cref="TokenState.BeginSwitchAsync"/>.
/// </summary>
public sealed class SwitchTicket : IDisposable
{
    private readonly CancellationTokenSource _superseded;

    internal SwitchTicket(AIRiskUser user, CancellationToken ct)
    {
        User = user;
        _superseded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Token = _superseded.Token;
    }

    public AIRiskUser User { get; }

    /// <summary>Cancelled once this switch is superseded or its caller gives up.</summary>
    public CancellationToken Token { get; }

    internal void Cancel()
    {
        try
        {
            _superseded.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already applied or given up.
        }
    }

    public void Dispose() => _superseded.Dispose();
}
