using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AIRisk.Tests.Core.Api;

public sealed class CookieIsolationTests() : DashboardTestContext(sandbox: o => o.SetCookies = true)
{
    [Fact]
    public async Task A_cookie_AIRisk_sets_while_serving_one_user_never_reaches_another_users_calls()
    {
        var (a, b) = (Sandbox.User(0), Sandbox.User(1));
        var chat = Context.Services.GetRequiredService<AIRisk.Core.Api.AIRiskChatClient>();
        await Acting.SwitchAsync(a, ct: Ct);
        await chat.ListAgentsAsync(Ct);
        await chat.ListConversationsAsync(new AIRisk.Core.Api.ConversationQuery(1, 5, null, null), Ct);

        await Acting.SwitchAsync(b, ct: Ct);
        await chat.ListAgentsAsync(Ct);

        var requests = Sandbox.State.Requests.Snapshot();
        Assert.Contains(requests, r => r.UserId == a.Id && r.Status == 200);
        Assert.Contains(requests, r => r.UserId == b.Id && r.Status == 200);
        Assert.All(requests, r => Assert.Null(r.Cookie));
    }
}
