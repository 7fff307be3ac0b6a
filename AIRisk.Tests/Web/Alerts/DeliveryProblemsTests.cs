using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Alerts;
using AIRisk.Web.Alerts.Components;
using AIRisk.Web.Alerts.Delivery;
using Bunit;

namespace AIRisk.Tests.Web.Alerts;

/// <summary>A webhook that does not answer shows on the Alerts page, with the alert it holds back.</summary>
public sealed class DeliveryProblemsTests() : DashboardTestContext(settings: s =>
{
    // A port nothing listens on: every attempt is refused at once.
    s[AlertWebhookOptions.UrlKey] = $"http://127.0.0.1:{WebAppProcess.FreeBaseAddress().Port}/hooks";
    s[AlertWebhookOptions.SecretKey] = "a-webhook-secret-of-some-length";
})
{
    [Fact]
    public async Task A_webhook_that_refuses_connections_is_named_on_the_page_with_the_alert_waiting_for_it()
    {
        var alert = new Alert(Guid.NewGuid().ToString("N"), AlertRules.FanOut, AlertSeverity.High, DateTimeOffset.UtcNow,
            new AlertPerson("bob", "Bob Support"), [new AlertPerson("u-1", "Uma User")], [], "11 users in 3 minutes");
        await Audit.RecordAsync(AlertRecord.ToEntry(alert), Ct);

        // The page reads the state once: open it again until the outbox has tried (and failed) once.
        IRenderedComponent<AlertsPage>? page = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((page is null || page.FindAll("[data-testid=alert-delivery-failing]").Count == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
            page = Render<AlertsPage>();
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=alert]")));
        }

        var failing = Assert.Single(page!.FindAll("[data-testid=alert-delivery-failing]"));
        Assert.Equal("webhook", failing.GetAttribute("data-stream"));
        Assert.Contains("1 alert is waiting for it", failing.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("a-webhook-secret", page!.Markup, StringComparison.Ordinal);
    }
}
