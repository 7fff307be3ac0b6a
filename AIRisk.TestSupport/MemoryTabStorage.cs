using AIRisk.Web.Acting.Sessions;

namespace AIRisk.TestSupport;

/// <summary>A simulated circuit (a test, the bench) has no browser tab: its session id is kept in memory instead.</summary>
public sealed class MemoryTabStorage : ITabSessionStorage
{
    private string? _sessionId;

    public Task<string?> ReadAsync() => Task.FromResult(_sessionId);

    public Task SaveAsync(string? sessionId)
    {
        _sessionId = sessionId;
        return Task.CompletedTask;
    }
}
