using AIRisk.TestSupport;
using AIRisk.Web.Alerts.Detection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.Alerts.Detection;

public sealed class DetectionOptionsTests
{
    [Fact]
    public void Unset_keys_keep_the_issues_defaults()
    {
        var options = Resolve([]);

        Assert.Equal(new FanOutLimit("short", 10, TimeSpan.FromMinutes(15)), options.FanOut);
        Assert.Equal(new FanOutLimit("long", 25, TimeSpan.FromHours(8)), options.FanOutLong);
        Assert.True(options.RefuseFanOut);
        Assert.Equal(50, options.ReadVolume);
        Assert.Equal((3, TimeSpan.FromMinutes(10)), (options.ProbingRefusals, options.ProbingWindow));
        Assert.Equal(TimeSpan.FromSeconds(60), options.AuditLag);
        Assert.Null(options.OperatorHours);
        Assert.Empty(options.StaffEmailDomains);
    }

    [Fact]
    public void Every_key_is_read()
    {
        var options = Resolve(new()
        {
            [DetectionOptions.FanOutUsersKey] = "5",
            [DetectionOptions.FanOutMinutesKey] = "9",
            [DetectionOptions.FanOutLongUsersKey] = "40",
            [DetectionOptions.FanOutLongHoursKey] = "10",
            [DetectionOptions.FanOutRefuseKey] = "false",
            [DetectionOptions.ReadVolumeKey] = "80",
            [DetectionOptions.ProbingRefusalsKey] = "4",
            [DetectionOptions.ProbingMinutesKey] = "30",
            [DetectionOptions.AuditLagSecondsKey] = "120",
            [DetectionOptions.OperatorHoursKey] = "Mon-Sat 06:00-22:00 America/New_York",
            [DetectionOptions.StaffEmailDomainsKey] = "Corp.Example, @staff.example",
        });

        Assert.Equal((5, TimeSpan.FromMinutes(9), 40, TimeSpan.FromHours(10)), (options.FanOut.Users, options.FanOut.Window, options.FanOutLong.Users, options.FanOutLong.Window));
        Assert.False(options.RefuseFanOut);
        Assert.Equal((80, 4, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(120)), (options.ReadVolume, options.ProbingRefusals, options.ProbingWindow, options.AuditLag));
        Assert.Equal("Mon-Sat 06:00-22:00 America/New_York", options.OperatorHours?.ToString());
        Assert.Equal(["corp.example", "staff.example"], options.StaffEmailDomains.Order());
    }

    [Fact]
    public void Every_malformed_key_is_named_not_only_the_first()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [DetectionOptions.FanOutUsersKey] = "many",
            [DetectionOptions.FanOutMinutesKey] = "0",
            [DetectionOptions.FanOutRefuseKey] = "maybe",
            [DetectionOptions.OperatorHoursKey] = "9-5",
            [DetectionOptions.StaffEmailDomainsKey] = "corp.example, not a domain",
        }));

        Assert.Equal(
        [
            "ALERT_FANOUT_USERS must be a whole number from 1 to 100000 (got 'many').",
            "ALERT_FANOUT_MINUTES must be a number of minutes above 0 and at most 1440 (got '0').",
            "ALERT_FANOUT_REFUSE must be 'true' or 'false' (got 'maybe').",
            "OPERATOR_HOURS must look like 'Mon-Fri 07:00-19:00 Europe/Berlin' (days, hours, an IANA time zone) (got '9-5').",
            "STAFF_EMAIL_DOMAINS must be email domains separated by commas, like 'example.com, example.org' (got 'not a domain').",
        ], error.Failures);
    }

    [Fact]
    public void A_long_fan_out_window_shorter_than_the_short_one_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            [DetectionOptions.FanOutMinutesKey] = "120",
            [DetectionOptions.FanOutLongHoursKey] = "1",
        }));

        Assert.Equal(["ALERT_FANOUT_LONG_HOURS must be a window at least as long as ALERT_FANOUT_MINUTES."], error.Failures);
    }

    [Fact]
    public async Task A_bad_operator_hours_value_stops_the_app_with_the_key_named()
    {
        await using var app = WebAppProcess.Launch(new Dictionary<string, string?> { [DetectionOptions.OperatorHoursKey] = "Mon-Fri 07:00-19:00 Atlantis/Capital" });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Contains("OPERATOR_HOURS must look like 'Mon-Fri 07:00-19:00 Europe/Berlin'", app.Output, StringComparison.Ordinal);
        Assert.Contains("'Atlantis/Capital' is not a time zone this machine knows", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", app.Output, StringComparison.Ordinal);
    }

    private static DetectionOptions Resolve(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAIRiskDetection(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DetectionOptions>>().Value;
    }
}
