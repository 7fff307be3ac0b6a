using AIRisk.Tests.TestSupport;
using Microsoft.Playwright;

namespace AIRisk.Tests.E2E;

/// <summary>
/// <c>AIRISK_AUTH_MODE=browser</c>: every token, the generic one for the user list included, comes through a pop-up
/// to the sandbox's <c>/api/oauth2</c> that redirects to the app's <c>/callback</c>.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class BrowserModeTests(BrowserModeAppFixture fixture) : BrowserTest(fixture), IClassFixture<BrowserModeAppFixture>
{
    private readonly List<string> _navigations = [];
    private readonly Dictionary<IPage, Task> _popupsClosed = [];

    [Fact]
    public async Task Acting_as_a_user_signs_in_through_a_popup_that_returns_to_the_callback_and_closes()
    {
        var user = Fixture.FreshUser();
        RecordPopups();
        await OpenUserListAsync();
        var row = await ShowUserAsync(user);

        var popup = await Page.RunAndWaitForPopupAsync(() => row.GetByTestId("switch-user").ClickAsync());

        await Expect(Banner).ToHaveAttributeAsync("data-user-id", user.Id);
        await Expect(Banner).ToContainTextAsync(user.DisplayName);
        await ClosedAsync(popup);
        var navigations = Navigations();
        Assert.Contains(navigations, url => url.StartsWith($"{Fixture.Sandbox.BaseAddress}api/oauth2?", StringComparison.Ordinal) && url.Contains($"userid={user.Id}", StringComparison.Ordinal));
        Assert.Contains(navigations, url => url.StartsWith($"{Fixture.RedirectUri}?code=", StringComparison.Ordinal));
    }

    /// <summary>
    /// Opens the console. When the list needs a sign-in nobody clicked for yet, clicks "Sign in to AIRisk" as a
    /// staff member would (the click is what lets the blocker open the window).
    /// </summary>
    private async Task OpenUserListAsync()
    {
        await Page.GotoAsync("/");
        await Expect(UserRows.First.Or(ErrorMessages)).ToBeVisibleAsync();
        if (await ErrorMessages.CountAsync() > 0)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Console: {await ErrorMessages.TextContentAsync()}; clicking Sign in to AIRisk.");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in to AIRisk" }).ClickAsync();
        }

        await Expect(UserRows.First).ToBeVisibleAsync();
    }

    private void RecordPopups()
    {
        Context.Request += (_, request) =>
        {
            if (!request.IsNavigationRequest)
                return;
            lock (_navigations)
                _navigations.Add(request.Url);
        };
        Context.Page += (_, page) =>
        {
            var closed = new TaskCompletionSource();
            page.Close += (_, _) => closed.TrySetResult();
            lock (_popupsClosed)
                _popupsClosed[page] = closed.Task;
        };
    }

    private Task ClosedAsync(IPage popup)
    {
        lock (_popupsClosed)
            return _popupsClosed[popup].WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    private List<string> Navigations()
    {
        lock (_navigations)
            return [.. _navigations];
    }
}
