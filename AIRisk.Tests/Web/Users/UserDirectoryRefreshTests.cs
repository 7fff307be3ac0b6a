using AIRisk.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AIRisk.Tests.Web.Users;

public sealed class UserDirectoryRefreshTests() : DashboardTestContext(time: new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    [Fact]
    public async Task An_old_list_is_served_at_once_and_replaced_in_the_background()
    {
        var first = await Users.GetAsync(refresh: false, Ct);
        var loads = ListUsersCalls();

        Time!.Advance(TimeSpan.FromMinutes(6));
        var served = await Users.GetAsync(refresh: false, Ct);

        Assert.Same(first, served);
        using var waited = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (ReferenceEquals(Users.Current, first))
            await Task.Delay(20, waited.Token);
        Assert.Equal(loads + 1, ListUsersCalls());
    }

    private int ListUsersCalls() => Sandbox.State.Requests.Snapshot().Count(r => r.Path.EndsWith("ListUsers", StringComparison.Ordinal));
}
