using System.Diagnostics;
using AIRisk.Core.Telemetry;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Audit.Sessions;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AIRisk.Tests.Web.Hosting;

/// <summary>The app's OpenTelemetry registration, exported in memory, over real switches against the sandbox.</summary>
[Collection(TelemetrySuite.Name)]
public sealed class TelemetryTests : DashboardTestContext
{
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly List<Activity> _spans = [];

    protected override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAIRiskTelemetry(configuration);
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
    }

    [Fact]
    public async Task A_cold_and_a_warm_switch_are_measured_as_a_cache_miss_and_a_cache_hit()
    {
        await Users.GetAsync(refresh: false, Ct);
        var (a, b) = (Sandbox.User(0), Sandbox.User(1));
        Assert.True(await Acting.SwitchAsync(a, ct: Ct));
        Assert.True(await Acting.SwitchAsync(b, ct: Ct));
        Assert.True(await Acting.SwitchAsync(a, ct: Ct));

        var switches = Points("airisk.switch.duration");
        Assert.Equal(2, switches.Single(p => Tag(p, "cache") == "miss" && Tag(p, "outcome") == "succeeded").GetHistogramCount());
        Assert.Equal(1, switches.Single(p => Tag(p, "cache") == "hit" && Tag(p, "outcome") == "succeeded").GetHistogramCount());
        var userTokens = Points("airisk.token.requests").Single(p => Tag(p, "kind") == "user" && Tag(p, "outcome") == "succeeded");
        Assert.Equal(2, userTokens.GetSumLong());
        Assert.Equal(1, Points("airisk.acting.sessions").Single().GetSumLong());
        Assert.Contains(Points("airisk.api.duration"), p => Tag(p, "call") == "ListUsers" && Tag(p, "status_class") == "2xx");
    }

    [Fact]
    public async Task A_switch_is_one_span_with_AIRisk_authorize_token_and_the_workspace_loads_under_it()
    {
        var workspace = await OpenWorkspaceAsync(Sandbox.User(2));
        Assert.True(await Acting.SwitchAsync(Sandbox.User(3), ct: Ct));
        workspace.WaitForAssertion(() => Assert.Equal(Sandbox.User(3).Id, Tokens.Current.User?.Id));
        workspace.WaitForAssertion(() => Assert.NotEmpty(workspace.FindAll("[data-testid=agent-item]")));
        Flush();

        var switchSpan = _spans.Last(s => s.DisplayName == "airisk.switch");
        var children = _spans.Where(s => s.ParentSpanId == switchSpan.SpanId).Select(s => s.DisplayName).ToList();
        Assert.Contains("airisk.authorize", children);
        Assert.Contains("airisk.token", children);
        var loads = _spans.Where(s => s.DisplayName == "airisk.load" && s.ParentSpanId == switchSpan.SpanId).ToList();
        Assert.Contains(loads, l => (string?)l.GetTagItem("airisk.component") == "ActingWorkspace");
        Assert.Contains(loads, l => (string?)l.GetTagItem("airisk.component") == "ConversationList");
        // AIRisk's calls are children of the loads, so a slow switch shows which call held it up.
        var calls = _spans.Where(s => s.Kind == ActivityKind.Client && loads.Any(l => l.SpanId == s.ParentSpanId)).ToList();
        Assert.Contains(calls, c => c.GetTagItem("url.full")?.ToString()?.Contains("ListAgents", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task No_metric_tag_or_span_attribute_holds_a_token_a_name_or_a_clear_user_id()
    {
        var users = new[] { Sandbox.User(4), Sandbox.User(5) };
        await OpenWorkspaceAsync(users[0]);
        Assert.True(await Acting.SwitchAsync(users[1], ct: Ct));
        var token = Tokens.Current.Token!.Value;
        await Ender.EndAsync(SessionEndCause.Stopped);
        Flush();

        var secrets = users.SelectMany(u => new[] { u.Id, u.DisplayName, u.Email }).OfType<string>().Append(token).Append(Sandbox.Options.ClientSecret).ToList();
        var metricTags = _metrics.SelectMany(m => m.MetricPoints).SelectMany(p => Tags(p)).Select(t => $"{t.Key}={t.Value}");
        var spanTexts = _spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append(s.DisplayName)
            .Concat(s.Events.Select(e => e.Name)).Concat(s.Baggage.Select(b => $"{b.Key}={b.Value}")));
        var everything = metricTags.Concat(spanTexts).ToList();
        Assert.NotEmpty(_spans);
        foreach (var secret in secrets)
            Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        // The user is there, hashed, for correlation.
        var hashed = Context.Services.GetRequiredService<ConsoleTelemetry>().HashUserId(users[1].Id);
        Assert.Contains(_spans, s => (string?)s.GetTagItem("airisk.user.hash") == hashed);
    }

    private void Flush()
    {
        Context.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Context.Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    private List<MetricPoint> Points(string metric)
    {
        _metrics.Clear();
        Flush();
        return [.. _metrics.Where(m => m.Name == metric).SelectMany(m => m.MetricPoints)];
    }

    private static string? Tag(MetricPoint point, string key) => Tags(point).FirstOrDefault(t => t.Key == key).Value as string;

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
            tags.Add(tag);
        return tags;
    }
}
