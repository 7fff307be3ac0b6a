namespace AIRisk.Core.Auth;

/// <summary>One authorization in flight: the <c>state</c> sent, and the code once it comes back.</summary>
public sealed class PendingAuthorization
{
    private readonly TaskCompletionSource<string> _code = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PendingAuthorization(string state, string? userId, string? owner, DateTimeOffset expiresAt)
    {
        State = state;
        UserId = userId;
        Owner = owner;
        ExpiresAt = expiresAt;
    }

    /// <summary>The opaque value sent as <c>state</c>. Never log it.</summary>
    public string State { get; }

    public string? UserId { get; }

    /// <summary>Who may complete this flow (a circuit id in browser mode); <c>null</c> for anyone holding the state.</summary>
    public string? Owner { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Completes with the authorization code, or fails with an <see cref="AIRiskAuthException"/>.</summary>
    public Task<string> Code => _code.Task;

    internal void Succeed(string code) => _code.TrySetResult(code);

    internal void Fail(Exception exception) => _code.TrySetException(exception);

    public override string ToString() => $"PendingAuthorization {{ User = {UserId ?? "(generic)"}, ExpiresAt = {ExpiresAt:O} }}";
}
