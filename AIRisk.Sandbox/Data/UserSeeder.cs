using System.Globalization;

namespace AIRisk.Sandbox.Data;

/// <summary>Users are cheap records made eagerly; their agents and conversations are made on first use.</summary>
internal static class UserSeeder
{
    public static SandboxCompany[] Companies(int seed) =>
    [
        .. UserCatalog.Companies.Select((c, i) => new SandboxCompany(SeedRandom.For(seed, i, SeedStream.Company).NextGuid(), c.Name, c.Domain)),
    ];

    public static SandboxUser[] Users(int seed, int count, IReadOnlyList<SandboxCompany> companies)
    {
        var users = new SandboxUser[count];
        for (var i = 0; i < count; i++)
            users[i] = User(seed, i, companies);
        return users;
    }

    private static SandboxUser User(int seed, int index, IReadOnlyList<SandboxCompany> companies)
    {
        var random = SeedRandom.For(seed, index, SeedStream.User);
        var key = random.NextGuid();
        var lastLogin = UserCatalog.Epoch - TimeSpan.FromMinutes(random.Next(90 * 24 * 60));
        var profile = index < UserCatalog.Notable.Count ? UserCatalog.Notable[index] : Generated(index, random);
        var company = companies[profile.CompanyIndex];
        var address = $"{profile.Slug}@{company.Domain}";

        var (userName, email) = profile.Naming switch
        {
            UserNaming.DisplayName => (address, address),
            UserNaming.UserNameOnly => (profile.Slug, null),
            UserNaming.EmailOnly => (null, address),
            _ => ((string?)null, (string?)null),
        };
        var hasNames = profile.Naming is UserNaming.DisplayName or UserNaming.FirstAndLastName;

        return new SandboxUser
        {
            Index = index,
            Key = key,
            Id = Ids.Format(key),
            Naming = profile.Naming,
            DisplayName = profile.DisplayName ?? (hasNames ? $"{profile.FirstName} {profile.LastName}" : userName ?? email!),
            FirstName = hasNames ? profile.FirstName : null,
            LastName = hasNames ? profile.LastName : null,
            UserName = userName,
            Email = email,
            Role = profile.Role,
            CompanyId = Ids.Format(company.Id),
            Company = company.Name,
            LastLogin = lastLogin,
        };
    }

    private static NotableUser Generated(int index, SeedRandom random)
    {
        var first = random.Pick(UserCatalog.FirstNames);
        var last = random.Pick(UserCatalog.LastNames);
        var company = random.Next(UserCatalog.Companies.Count);
        var role = random.Next(100) switch
        {
            < 70 => UserCatalog.User,
            < 82 => UserCatalog.Monitor,
            < 94 => UserCatalog.Compliance,
            _ => UserCatalog.CompanyAdmin,
        };
        var naming = random.Chance(8) ? UserNaming.FirstAndLastName : UserNaming.DisplayName;
        var display = naming == UserNaming.DisplayName ? $"{first.Text} {last.Text}" : null;
        // The index keeps addresses unique however often a name pair repeats.
        var slug = string.Create(CultureInfo.InvariantCulture, $"{first.Slug}.{last.Slug}{index}");
        return new NotableUser(first.Text, last.Text, display, slug, company, role, naming);
    }
}
