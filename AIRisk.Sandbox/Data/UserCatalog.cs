namespace AIRisk.Sandbox.Data;

/// <summary>The fixed material the user seed draws from.</summary>
internal static class UserCatalog
{
    public const string CompanyAdmin = "Company Admin";
    public const string User = "User";
    public const string Monitor = "Monitor";
    public const string Compliance = "Compliance";

    /// <summary>Seeded timestamps count back from here, not from the clock, so the seed is the same on every run.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<(string Name, string Domain)> Companies =
    [
        ("Contoso", "contoso.example"),
        ("Fabrikam", "fabrikam.example"),
        ("Northwind Traders", "northwind.example"),
    ];

    /// <summary>Users 0 to 10, whatever the seed.</summary>
    public static readonly IReadOnlyList<NotableUser> Notable =
    [
        new("Zoë", "Müller", "Zoë Müller", "zoe.muller", 0, CompanyAdmin, UserNaming.DisplayName),
        new("José", "Núñez", "José Núñez", "jose.nunez", 1, CompanyAdmin, UserNaming.DisplayName),
        new("Åse", "Ærøskøbing-Ødegård", "Åse Ærøskøbing-Ødegård", "ase.aeroskobing", 2, CompanyAdmin, UserNaming.DisplayName),
        new("太郎", "山田", "山田 太郎", "taro.yamada", 0, Monitor, UserNaming.DisplayName),
        new("Seán", "O'Brien", "Seán O'Brien", "sean.obrien", 1, Compliance, UserNaming.DisplayName),
        new("<b>Bold</b>", "Tester", "<b>Bold</b> Tester", "bold.tester", 2, User, UserNaming.DisplayName),
        new("Anna", "Schmidt", "Anna Schmidt", "anna.schmidt", 0, User, UserNaming.DisplayName),
        new("Anna", "Lindqvist", "Anna Lindqvist", "anna.lindqvist", 1, User, UserNaming.DisplayName),
        new("Priya", "Raman", null, "priya.raman", 2, Monitor, UserNaming.FirstAndLastName),
        new(null, null, null, "svc.reporting", 0, User, UserNaming.UserNameOnly),
        new(null, null, null, "kim.lee", 1, Compliance, UserNaming.EmailOnly),
    ];

    public static readonly IReadOnlyList<NamePart> FirstNames =
    [
        new("Liam", "liam"), new("Olivia", "olivia"), new("Noah", "noah"), new("Emma", "emma"),
        new("Mateo", "mateo"), new("Sofia", "sofia"), new("Lukas", "lukas"), new("Mia", "mia"),
        new("Aarav", "aarav"), new("Chloé", "chloe"), new("Björn", "bjorn"), new("Elif", "elif"),
        new("Ngozi", "ngozi"), new("Wei", "wei"), new("Hana", "hana"), new("Oskar", "oskar"),
        new("Léa", "lea"), new("Diego", "diego"), new("Fatima", "fatima"), new("Jonas", "jonas"),
        new("Ingrid", "ingrid"), new("Kofi", "kofi"), new("Marta", "marta"), new("Tomás", "tomas"),
        new("Yuki", "yuki"), new("Amara", "amara"), new("Ethan", "ethan"), new("Freya", "freya"),
        new("Rahul", "rahul"), new("Zara", "zara"),
    ];

    public static readonly IReadOnlyList<NamePart> LastNames =
    [
        new("Nguyen", "nguyen"), new("García", "garcia"), new("Jensen", "jensen"), new("Kowalski", "kowalski"),
        new("Okafor", "okafor"), new("Rossi", "rossi"), new("Dubois", "dubois"), new("Andersson", "andersson"),
        new("Patel", "patel"), new("Silva", "silva"), new("Novák", "novak"), new("Haddad", "haddad"),
        new("Fischer", "fischer"), new("Kim", "kim"), new("Tanaka", "tanaka"), new("Murphy", "murphy"),
        new("Larsen", "larsen"), new("Moreau", "moreau"), new("Costa", "costa"), new("Schneider", "schneider"),
        new("Ivanova", "ivanova"), new("Mensah", "mensah"), new("Berg", "berg"), new("López", "lopez"),
        new("Walsh", "walsh"), new("Horvat", "horvat"), new("Sato", "sato"), new("Hughes", "hughes"),
    ];
}
