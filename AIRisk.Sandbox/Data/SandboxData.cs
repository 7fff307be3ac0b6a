using System.Collections.Concurrent;

namespace AIRisk.Sandbox.Data;

/// <summary>
/// The seeded tenant: users made eagerly, each user's agents and conversations on first use, so a 100,000-user
/// seed starts fast and only pays for the users a test or benchmark touches.
/// </summary>
public sealed class SandboxData
{
    private readonly int _seed;
    private readonly Dictionary<Guid, SandboxUser> _usersById;
    private readonly ConcurrentDictionary<int, Lazy<UserWorkspace>> _workspaces = new();

    internal SandboxData(int seed, int userCount)
    {
        _seed = seed;
        var companies = UserSeeder.Companies(seed);
        Users = UserSeeder.Users(seed, userCount, companies);
        _usersById = Users.ToDictionary(u => u.Key);
    }

    /// <summary>All users in seed order: <c>Users[3]</c> is the same user on every run with the same seed.</summary>
    public IReadOnlyList<SandboxUser> Users { get; }

    /// <summary>Finds a user by id in any GUID format.</summary>
    public SandboxUser? FindUser(string? id) =>
        Guid.TryParse(id, out var key) ? FindUser(key) : null;

    internal SandboxUser? FindUser(Guid key) => _usersById.GetValueOrDefault(key);

    /// <summary>The ids of a user's agents as the API sends them, in ListAgents order; empty for an unknown user.</summary>
    public IReadOnlyList<string> AgentIdsOf(string userId) =>
        FindUser(userId) is { } user ? [.. Workspace(user).Agents.Select(a => Ids.Format(a.Id))] : [];

    internal UserWorkspace Workspace(SandboxUser user) =>
        _workspaces.GetOrAdd(user.Index, _ => new Lazy<UserWorkspace>(() => WorkspaceSeeder.Create(_seed, user))).Value;
}
