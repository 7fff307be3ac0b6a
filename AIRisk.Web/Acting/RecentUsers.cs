using AIRisk.Core.Api;

namespace AIRisk.Web.Acting;

/// <summary>The last users this tab acted as, newest first, so staff can go back to one with a click.</summary>
public sealed class RecentUsers
{
    public const int Capacity = 5;

    private readonly List<AIRiskUser> _users = [];

    public IReadOnlyList<AIRiskUser> Users => _users;

    public void Add(AIRiskUser user)
    {
        _users.RemoveAll(u => u.Id == user.Id);
        _users.Insert(0, user);
        if (_users.Count > Capacity)
            _users.RemoveAt(Capacity);
    }
}
