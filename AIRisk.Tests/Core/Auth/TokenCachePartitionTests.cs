using AIRisk.Core.Auth;
using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AIRisk.Tests.Core.Auth;

/// <summary>Browser mode: a token one staff member's AIRisk sign-in obtained is theirs alone.</summary>
public sealed class TokenCachePartitionTests
{
    [Fact]
    public async Task A_token_from_one_staff_members_sign_in_is_not_served_to_another()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await CoreHarness.StartAsync();
        var tokens = harness.Services.GetRequiredService<ITokenProvider>();
        var (ann, bob) = (Flow("staff-ann"), Flow("staff-bob"));

        var first = await tokens.GetAsync("user-1", ann.Object, ct);
        var again = await tokens.GetAsync("user-1", ann.Object, ct);
        var other = await tokens.GetAsync("user-1", bob.Object, ct);

        Assert.Same(first, again);
        Assert.NotEqual(first.Value, other.Value);
        ann.Verify(f => f.RunAsync(It.IsAny<string?>(), It.IsAny<AccessToken?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        bob.Verify(f => f.RunAsync(It.IsAny<string?>(), It.IsAny<AccessToken?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Evicting_one_staff_members_refused_token_leaves_anothers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await CoreHarness.StartAsync();
        var tokens = harness.Services.GetRequiredService<ITokenProvider>();
        var (ann, bob) = (Flow("staff-ann"), Flow("staff-bob"));
        var annToken = await tokens.GetAsync("user-1", ann.Object, ct);
        var bobToken = await tokens.GetAsync("user-1", bob.Object, ct);

        await tokens.InvalidateAsync(annToken, ct);

        Assert.Same(bobToken, await tokens.GetAsync("user-1", bob.Object, ct));
        Assert.NotSame(annToken, await tokens.GetAsync("user-1", ann.Object, ct));
    }

    // A flow that needs this staff member's browser: its runs are counted, each issues a new token (generic and user).
    private static Mock<IAuthorizationFlow> Flow(string staff)
    {
        var flow = new Mock<IAuthorizationFlow>();
        flow.SetupGet(f => f.CanBeShared).Returns(false);
        flow.SetupGet(f => f.CachePartition).Returns(staff);
        flow.Setup(f => f.RunAsync(It.IsAny<string?>(), It.IsAny<AccessToken?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string? user, AccessToken? _, CancellationToken _) =>
                new AccessToken($"{staff}-{user}-{Guid.NewGuid():N}", user, DateTimeOffset.UtcNow.AddHours(1)));
        return flow;
    }
}
