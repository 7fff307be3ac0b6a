using System.Diagnostics;
using AIRisk.Core.Api;

namespace AIRisk.Core.Auth;

/// <summary>
/// Who the circuit is acting as, with the token for exactly that user. Immutable: a switch replaces the whole
/// snapshot, so a reader never sees one user's name beside another user's token. <see cref="Version"/> changes on
/// every switch (not on a token renewal for the same user), so loads can tell whether their result is still wanted.
/// </summary>
public sealed record ActingIdentity(long Version, AIRiskUser? User, AccessToken? Token)
{
    public static readonly ActingIdentity None = new(0, null, null);

    public bool IsActing => User is not null && Token is not null;

    /// <summary>The span of the switch that began this identity (<c>default</c> when none was recorded): the workspace's first loads are its children.</summary>
    public ActivityContext SwitchTrace { get; init; }
}
