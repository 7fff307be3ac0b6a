using AIRisk.Web.StaffSignIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.StaffSignIn;

public sealed class StaffSignInOptionsTests
{
    [Theory]
    [InlineData(StaffSignInOptions.RevalidateMinutesKey, "often", "a number of minutes")]
    [InlineData(StaffSignInOptions.RevalidateMinutesKey, "0", "a number of minutes")]
    [InlineData(StaffSignInOptions.MaxHoursKey, "ten", "a number of hours")]
    [InlineData(StaffSignInOptions.MaxHoursKey, "-1", "a number of hours")]
    public void A_malformed_duration_is_named_instead_of_silently_taking_its_default(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(error.Failures, f => f.StartsWith($"{key} must be {expected}", StringComparison.Ordinal) && f.Contains($"(got '{value}')", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fraction_of_a_minute_is_a_revalidation_interval()
    {
        var options = Resolve(new() { [StaffSignInOptions.RevalidateMinutesKey] = "0.5" });

        Assert.Equal(TimeSpan.FromSeconds(30), options.RevalidateInterval);
    }

    [Fact]
    public void An_incomplete_sign_in_names_every_missing_key_without_the_secret()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [StaffSignInOptions.AuthorityKey] = "http://login.example.com/",
            [StaffSignInOptions.ClientSecretKey] = "oidc-secret-value-93",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("OPERATOR_OIDC_AUTHORITY must use https", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("OPERATOR_OIDC_CLIENT_ID is missing", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("OPERATOR_ROLE is missing", StringComparison.Ordinal));
        Assert.DoesNotContain("oidc-secret-value-93", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://console.example.com")]
    [InlineData("console.example.com:443")]
    public void A_public_host_that_is_not_a_host_name_is_named(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [StaffSignInOptions.PublicHostsKey] = value }));

        Assert.Contains(error.Failures, f => f.StartsWith($"{StaffSignInOptions.PublicHostsKey} must list host names", StringComparison.Ordinal) && f.Contains($"(got '{value}')", StringComparison.Ordinal));
    }

    [Fact]
    public void Public_hosts_are_host_names_ip_addresses_and_subdomain_wildcards()
    {
        var options = Resolve(new() { [StaffSignInOptions.PublicHostsKey] = "console.example.com, 10.0.0.8 [2001:db8::1],*.support.example.com" });

        Assert.Equal(["console.example.com", "10.0.0.8", "[2001:db8::1]", "*.support.example.com"], options.PublicHosts);
    }

    private static StaffSignInOptions Resolve(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStaffSignIn(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), isDevelopment: true);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<StaffSignInOptions>>().Value;
    }
}
