using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Caching.Memory;

namespace AIRisk.Tests.Web.StaffSignIn;

/// <summary>The server's record of staff sign-ins: renewals never undo a sign-out and never extend a sign-in's end.</summary>
public sealed class StaffSignInsTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly StaffSignIns _signIns;

    public StaffSignInsTests() => _signIns = new StaffSignIns(_cache);

    public void Dispose()
    {
        _signIns.Dispose();
        _cache.Dispose();
    }

    private static StaffSignInGrant SignIn(string refresh = "refresh-1") => new("access-1", refresh, Now.AddMinutes(5), EndsAt: Now.AddHours(10), ConfirmedAt: Now) { Subject = "staff-1" };

    [Fact]
    public async Task A_sign_out_while_a_refresh_is_under_way_is_not_undone_when_the_refresh_answers()
    {
        var signIn = SignIn();
        _signIns.Remember("s1", signIn);
        var answer = new TaskCompletionSource<StaffSignInGrant?>();

        var renewing = _signIns.RenewAsync("s1", signIn, (_, _) => answer.Task);
        _signIns.Forget("s1");
        answer.SetResult(signIn with { AccessToken = "access-2", RefreshToken = "refresh-2" });

        Assert.Null(await renewing);
        Assert.Null(_signIns.Find("s1"));
    }

    [Fact]
    public async Task A_renewal_keeps_the_sign_ins_absolute_end_whatever_the_provider_answers()
    {
        var signIn = SignIn();
        _signIns.Remember("s1", signIn);

        var renewed = await _signIns.RenewAsync("s1", signIn,
            (current, _) => Task.FromResult<StaffSignInGrant?>(current with { AccessToken = "access-2", EndsAt = Now.AddDays(30) }));

        Assert.Equal("access-2", renewed!.AccessToken);
        Assert.Equal(signIn.EndsAt, _signIns.Find("s1")!.EndsAt);
    }

    [Fact]
    public async Task Two_tabs_renewing_at_once_use_the_refresh_token_once()
    {
        var signIn = SignIn();
        _signIns.Remember("s1", signIn);
        var calls = 0;
        async Task<StaffSignInGrant?> Refresh(StaffSignInGrant current, CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            await Task.Delay(50, ct);
            return current with { AccessToken = "access-2", RefreshToken = "refresh-2" };
        }

        var results = await Task.WhenAll(_signIns.RenewAsync("s1", signIn, Refresh), _signIns.RenewAsync("s1", signIn, Refresh));

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal("refresh-2", r!.RefreshToken));
    }

    [Fact]
    public async Task A_refused_renewal_forgets_the_sign_in()
    {
        var signIn = SignIn();
        _signIns.Remember("s1", signIn);

        Assert.Null(await _signIns.RenewAsync("s1", signIn, (_, _) => Task.FromResult<StaffSignInGrant?>(null)));
        Assert.Null(_signIns.Find("s1"));
    }

    [Fact]
    public void Printing_a_sign_in_never_shows_its_tokens()
    {
        var text = SignIn().ToString();

        Assert.DoesNotContain("access-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-1", text, StringComparison.Ordinal);
    }
}
