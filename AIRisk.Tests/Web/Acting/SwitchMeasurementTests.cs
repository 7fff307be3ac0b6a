using System.Diagnostics.Metrics;
using AIRisk.Core.Api;
using AIRisk.Core.Configuration;
using AIRisk.Core.Telemetry;
using AIRisk.Web.Acting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AIRisk.Tests.Web.Acting;

/// <summary>The switch's duration as telemetry records it: the switch's own time, not staff's.</summary>
public sealed class SwitchMeasurementTests
{
    [Fact]
    public async Task A_wait_for_a_second_person_is_not_counted_in_the_switch_duration()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var telemetry = new ConsoleTelemetry(meters, Options.Create(new AIRiskOptions { ClientSecret = "secret" }));
        var recorded = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "airisk.switch.duration" && ReferenceEquals(instrument.Meter.Scope, meters))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => recorded.Add(seconds));
        listener.Start();

        using (var measurement = new SwitchMeasurement(telemetry, new AIRiskUser("u-1", "Ada Admin", null, "Company Admin"), DateTimeOffset.UtcNow))
        {
            // The approver takes half a second to answer.
            await measurement.UntimedAsync(async () =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
                return true;
            });
            measurement.End(SwitchOutcome.Succeeded);
        }

        Assert.InRange(Assert.Single(recorded), 0, 0.25);
    }
}
