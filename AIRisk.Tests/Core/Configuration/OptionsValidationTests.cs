using AIRisk.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Core.Configuration;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Every_missing_key_is_named_in_one_message()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [AIRiskKeys.BaseUrl] = "https://tenant.aicrisk.com" }));

        Assert.Contains(error.Failures, f => f.Contains("CLIENT_ID is missing", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("CLIENT_SECRET is missing", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("REDIRECT_URI is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_values_are_named_with_what_was_expected()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [AIRiskKeys.BaseUrl] = "not a url",
            [AIRiskKeys.ClientId] = "id",
            [AIRiskKeys.ClientSecret] = "s3cr3t-value",
            [AIRiskKeys.RedirectUri] = "/relative",
            [AIRiskKeys.AuthMode] = "popup",
            [AIRiskKeys.TimeoutSeconds] = "soon",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("AIRISK_BASE_URL must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("REDIRECT_URI must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("AIRISK_AUTH_MODE must be 'server' or 'browser'", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("AIRISK_TIMEOUT_SECONDS must be a whole number", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_settings_bind_with_a_trailing_slash_on_the_base_url()
    {
        var options = Resolve(new()
        {
            [AIRiskKeys.BaseUrl] = "https://tenant.aicrisk.com",
            [AIRiskKeys.ClientId] = "id",
            [AIRiskKeys.ClientSecret] = "secret",
            [AIRiskKeys.RedirectUri] = "https://console.example/callback",
            [AIRiskKeys.UserId] = "user-7",
            [AIRiskKeys.AuthMode] = "Browser",
        });

        Assert.Equal("https://tenant.aicrisk.com/", options.BaseUrl!.ToString());
        Assert.Equal("user-7", options.UserId);
        Assert.Equal(AuthMode.Browser, options.AuthMode);
    }

    [Theory]
    [InlineData("https://tenant.aicrisk.com/api")]
    [InlineData("https://tenant.aicrisk.com/api/")]
    [InlineData("https://tenant.aicrisk.com/")]
    public void A_base_url_ending_in_api_is_taken_as_its_tenant_root(string url)
    {
        var options = Resolve(Complete(url));

        Assert.Equal("https://tenant.aicrisk.com/", options.BaseUrl!.ToString());
    }

    [Theory]
    [InlineData("https://tenant.aicrisk.com/portal/", "remove '/portal/'")]
    [InlineData("https://tenant.aicrisk.com/?tenant=7", "remove '?tenant=7'")]
    [InlineData("http://tenant.aicrisk.com", "must use https://")]
    public void A_base_url_that_is_not_a_tenant_root_stops_the_start_naming_what_to_remove(string url, string advice)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(Complete(url)));

        Assert.Contains(error.Failures, f => f.StartsWith("AIRISK_BASE_URL", StringComparison.Ordinal) && f.Contains(advice, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_http_is_accepted_for_loopback_or_when_allowed()
    {
        Assert.Equal("http://127.0.0.1:5080/", Resolve(Complete("http://127.0.0.1:5080")).BaseUrl!.ToString());
        Assert.Equal("http://test.internal/", Resolve(Complete("http://test.internal", allowHttp: true)).BaseUrl!.ToString());
    }

    private static Dictionary<string, string?> Complete(string baseUrl, bool allowHttp = false) => new()
    {
        [AIRiskKeys.BaseUrl] = baseUrl,
        [AIRiskKeys.ClientId] = "id",
        [AIRiskKeys.ClientSecret] = "secret",
        [AIRiskKeys.RedirectUri] = "https://console.example/callback",
        [AIRiskKeys.AllowHttp] = allowHttp ? "true" : null,
    };

    private static AIRiskOptions Resolve(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAIRiskCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<AIRiskOptions>>().Value;
    }
}
