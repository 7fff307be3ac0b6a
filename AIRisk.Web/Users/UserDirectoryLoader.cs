using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Options;

namespace AIRisk.Web.Users;

/// <summary>
/// This tab's way to the shared <see cref="UserDirectory"/>: a first load (or a refresh) goes through this circuit's
/// generic token. The table, the quick switcher and deep links all read the same snapshot.
/// </summary>
public sealed class UserDirectoryLoader(UserDirectory directory, AIRiskUsersClient usersClient, IOptions<AIRiskOptions> options)
{
    /// <summary>The single-user mode's user id, if configured: the table marks it.</summary>
    public string? ConfiguredUserId => options.Value.UserId;

    /// <summary>The last snapshot loaded by any tab, without waiting; <c>null</c> before the first load.</summary>
    public UserDirectorySnapshot? Current => directory.Current;

    public Task<UserDirectorySnapshot> GetAsync(bool refresh, CancellationToken ct) =>
        directory.GetAsync(usersClient.ListUsersAsync, refresh, ct);
}
