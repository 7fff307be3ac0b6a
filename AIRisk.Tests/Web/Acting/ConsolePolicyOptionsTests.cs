using AIRisk.Web.Acting.Policy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.Acting;

public sealed class ConsolePolicyOptionsTests
{
    [Fact]
    public void Every_malformed_policy_key_is_named_not_only_the_first()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [ConsolePolicyKeys.RequireReason] = "maybe",
            [ConsolePolicyKeys.IdleMinutes] = "soon",
            [ConsolePolicyKeys.ProtectedTargetUnknown] = "sometimes",
        }));

        Assert.Equal(
        [
            "REQUIRE_REASON must be 'true' or 'false' (got 'maybe').",
            "OPERATOR_IDLE_MINUTES must be a number of minutes above 0 and at most 1440 (got 'soon').",
            "PROTECTED_TARGET_UNKNOWN must be 'allow' or 'protect' (got 'sometimes').",
        ], error.Failures);
    }

    [Fact]
    public void Unset_keys_keep_their_defaults()
    {
        var options = Resolve([]);

        Assert.False(options.RequireReason);
        Assert.True(options.AllowWrites);
        Assert.Equal(TimeSpan.FromMinutes(15), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromHours(2), options.MaxSession);
        Assert.False(options.AllowUnknownTargetRole);
    }

    private static ConsolePolicyOptions Resolve(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskDashboard(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<ConsolePolicyOptions>>().Value;
    }
}
