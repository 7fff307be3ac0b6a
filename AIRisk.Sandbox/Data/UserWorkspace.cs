namespace AIRisk.Sandbox.Data;

/// <summary>One user's agents and conversations. Nothing here is reachable from another user's token.</summary>
internal sealed class UserWorkspace(SandboxUser user, IReadOnlyList<SandboxAgent> agents, IEnumerable<SandboxConversation> conversations)
{
    private readonly Lock _lock = new();
    private readonly List<SandboxConversation> _conversations = [.. conversations];

    public SandboxUser User => user;

    public IReadOnlyList<SandboxAgent> Agents => agents;

    public SandboxAgent? FindAgent(Guid id) => agents.FirstOrDefault(a => a.Id == id);

    public IReadOnlyList<SandboxConversation> Conversations()
    {
        lock (_lock)
            return [.. _conversations];
    }

    public SandboxConversation? FindConversation(Guid id)
    {
        lock (_lock)
            return _conversations.Find(c => c.Id == id);
    }

    public void Add(SandboxConversation conversation)
    {
        lock (_lock)
            _conversations.Add(conversation);
    }

    /// <returns>The changed conversation, or null when it doesn't exist (or <paramref name="change"/> returned null).</returns>
    public SandboxConversation? Update(Guid id, Func<SandboxConversation, SandboxConversation?> change)
    {
        lock (_lock)
        {
            var index = _conversations.FindIndex(c => c.Id == id);
            if (index < 0 || change(_conversations[index]) is not { } changed)
                return null;
            _conversations[index] = changed;
            return changed;
        }
    }
}
