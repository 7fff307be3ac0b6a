using AIRisk.Sandbox;

namespace AIRisk.Tests.Sandbox;

public sealed class SeedTests
{
    [Fact]
    public void Same_seed_gives_the_same_users_whatever_the_user_count()
    {
        var small = new SandboxState(new SandboxOptions { UserCount = 20 }, TimeProvider.System);

        var large = new SandboxState(new SandboxOptions { UserCount = 500 }, TimeProvider.System);

        Assert.Equal(small.Data.Users.Select(u => (u.Id, u.DisplayName, u.Email)), large.Data.Users.Take(20).Select(u => (u.Id, u.DisplayName, u.Email)));
    }

    [Fact]
    public void Different_seed_gives_different_user_ids()
    {
        var first = new SandboxState(new SandboxOptions(), TimeProvider.System);

        var second = new SandboxState(new SandboxOptions { Seed = 7 }, TimeProvider.System);

        Assert.NotEqual(first.Data.Users[0].Id, second.Data.Users[0].Id);
    }

    [Fact]
    public void Default_seed_has_forty_users_with_the_names_a_UI_must_render_correctly()
    {
        var state = new SandboxState(new SandboxOptions(), TimeProvider.System);

        var names = state.Data.Users.Select(u => u.DisplayName).ToList();

        Assert.Equal(40, names.Count);
        Assert.Contains("Zoë Müller", names);
        Assert.Contains("José Núñez", names);
        Assert.Contains("山田 太郎", names);
        Assert.Contains("Seán O'Brien", names);
        Assert.Contains("<b>Bold</b> Tester", names);
        Assert.Contains(names, n => n.Contains('Æ', StringComparison.Ordinal));
        Assert.Equal(2, state.Data.Users.Count(u => u.FirstName == "Anna"));
    }

    [Fact]
    public void Default_seed_covers_every_role_and_three_companies()
    {
        var state = new SandboxState(new SandboxOptions(), TimeProvider.System);

        var users = state.Data.Users;

        Assert.Equal(["Company Admin", "Compliance", "Monitor", "User"], users.Select(u => u.Role).Distinct().Order());
        Assert.Equal(3, users.Select(u => u.CompanyId).Distinct().Count());
    }
}
