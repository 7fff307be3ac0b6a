using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// Two staff members, two browsers: A asks to act as a Company Admin; B's console shows the request live and B approves
/// it; A's console is acting as the admin without a reload. A, holding the approver role too in another browser, sees
/// the request as their own, with nothing to approve it with.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class ApprovalTests(ApprovalsBrowserAppFixture fixture) : BrowserTest(fixture), IClassFixture<ApprovalsBrowserAppFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [Fact]
    public async Task A_request_for_a_company_admin_is_approved_by_another_staff_member_and_the_requester_acts_without_a_reload()
    {
        var admin = Fixture.FreshUsers(Sandbox.Data.Users.Where(u => u.Role == "Company Admin").Select(u => u.Id), 1)[0];
        await using var approverBrowser = await SignedInAsync(ApprovalsBrowserAppFixture.Approver);
        var approver = approverBrowser.Pages[0];
        var badge = approver.GetByTestId("approval-badge");
        await Expect(badge).ToHaveAttributeAsync("data-open", "0");
        fixture.Provider.User = ApprovalsBrowserAppFixture.Requester;
        await OpenDashboardAsync();

        var row = await ShowUserAsync(admin);
        await row.GetByTestId("switch-user").ClickAsync();

        var waiting = Page.GetByTestId("approval-waiting");
        await Expect(waiting).ToBeVisibleAsync();
        await Expect(waiting).ToContainTextAsync($"Waiting for approval to act as {admin.DisplayName}");
        var requestId = await waiting.GetAttributeAsync("data-request-id");
        await Expect(badge).ToHaveAttributeAsync("data-open", "1");
        await ScreenshotsAsync(Page, "approval-waiting");
        await ScreenshotsAsync(approver, "approval-badge");
        await ExpectCountInsideTheAppBarAsync(approver, badge);
        await ExpectSpinnerInTheLineAsync(waiting);

        // A, given the approver role too, in another browser: the request is theirs, with no way to approve it.
        await using (var own = await SignedInAsync(ApprovalsBrowserAppFixture.Requester with { Roles = [StaffSignInFixture.RequiredRole, ApprovalsBrowserAppFixture.ApproverRole] }))
        {
            var ownPage = own.Pages[0];
            await ownPage.GetByTestId("approval-bell").ClickAsync();
            var ownRequest = ownPage.Locator($"[data-testid=approval-request][data-request-id='{requestId}']");
            await Expect(ownRequest.GetByTestId("own-request")).ToBeVisibleAsync();
            await Expect(ownRequest.GetByTestId("approve")).ToHaveCountAsync(0);
            await Expect(ownRequest.GetByTestId("deny")).ToHaveCountAsync(0);
        }

        await approver.GetByTestId("approval-bell").ClickAsync();
        var request = approver.Locator($"[data-testid=approval-request][data-request-id='{requestId}']");
        await Expect(request).ToContainTextAsync("Ann Asker asks to act as");
        await Expect(request.GetByTestId("approval-why")).ToHaveTextAsync("acting as a Company Admin");
        await ScreenshotsAsync(approver, "approvals-list");
        await request.GetByTestId("approval-note").FillAsync("Ticket checked with the customer");
        await request.GetByTestId("approve").ClickAsync();

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", admin.Id);
        await Expect(waiting).ToHaveCountAsync(0);
        await Expect(approver.GetByTestId("approval-message")).ToContainTextAsync("Approved: Ann Asker may act as");
        await Expect(badge).ToHaveAttributeAsync("data-open", "0");
    }

    /// <summary>A browser context of its own, signed in as <paramref name="staff"/>, on the console.</summary>
    private async Task<IBrowserContext> SignedInAsync(TestIdentityUser staff)
    {
        fixture.Provider.User = staff;
        var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.App.BaseAddress.ToString() });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("user-row").First).ToBeVisibleAsync();
        return context;
    }

    /// <summary>The badge's count sits wholly inside the app bar at a desk's width and a phone's: not clipped at its top.</summary>
    private static async Task ExpectCountInsideTheAppBarAsync(IPage page, ILocator badge)
    {
        foreach (var width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var count = await badge.Locator(".mud-badge").BoundingBoxAsync();
            var bar = await page.Locator(".mud-appbar").BoundingBoxAsync();
            Assert.True(count!.Y >= bar!.Y, $"At {width} px the count's top is at {count.Y} px, above the app bar's ({bar.Y} px).");
            Assert.True(count.Y + count.Height <= bar.Y + bar.Height, $"At {width} px the count runs below the app bar.");
        }

        await page.SetViewportSizeAsync(1280, 720);
    }

    /// <summary>The waiting panel's spinner is one with its line: no taller than the text, in the text's colour.</summary>
    private static async Task ExpectSpinnerInTheLineAsync(ILocator waiting)
    {
        var spinner = waiting.GetByTestId("approval-spinner");
        var text = waiting.Locator("span", new() { HasText = "Waiting for approval" });
        // Its layout height: the box of a spinning ring grows and shrinks as it turns.
        var height = "e => e.offsetHeight";
        var (spinnerHeight, lineHeight) = (await spinner.EvaluateAsync<int>(height), await text.EvaluateAsync<int>(height));
        Assert.True(spinnerHeight <= lineHeight, $"The spinner is {spinnerHeight} px tall beside a {lineHeight} px line.");
        var colour = "e => getComputedStyle(e).color";
        Assert.Equal(await text.EvaluateAsync<string>(colour), await spinner.EvaluateAsync<string>(colour));
    }

    // What staff see at a desk and on a phone, for a look by hand (not asserted).
    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        foreach (var width in new[] { 1440, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{width}.png") });
        }

        await page.SetViewportSizeAsync(1280, 720);
    }
}
