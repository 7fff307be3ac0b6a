using AIRisk.Web.Acting.Sessions;

namespace AIRisk.Bench.Support;

/// <summary>A simulated circuit has no browser tab: its session id is kept in memory instead.</summary>
internal sealed class MemoryTabStorage : ITabSessionStorage
{
    private string? _sessionId;

    public Task<string?> ReadAsync() => Task.FromResult(_sessionId);

    public Task SaveAsync(string? sessionId)
    {
        _sessionId = sessionId;
        return Task.CompletedTask;
    }
}
