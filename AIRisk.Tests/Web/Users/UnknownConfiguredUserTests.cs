using AIRisk.Core.Configuration;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Audit;

namespace AIRisk.Tests.Web.Users;

public sealed class UnknownConfiguredUserTests() : DashboardTestContext(settings: s => s[AIRiskKeys.UserId] = UnknownId)
{
    private const string UnknownId = "00000000-0000-4000-8000-0000000000aa";

    [Fact]
    public async Task An_unknown_USER_ID_is_named_with_the_key_to_fix_and_nothing_is_tried_or_recorded()
    {
        await SingleUser.StartAsync(Ct);

        Assert.False(Tokens.Current.IsActing);
        Assert.Contains("USER_ID", LastError, StringComparison.Ordinal);
        Assert.Contains(UnknownId, LastError, StringComparison.Ordinal);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(UnknownId));
        Assert.Empty((await Audit.QueryAsync(new AuditQuery(), Ct)).Items);
    }
}
