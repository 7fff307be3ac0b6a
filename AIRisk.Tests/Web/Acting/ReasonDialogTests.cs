using AIRisk.Core.Api;
using AIRisk.Web.Acting.Components;
using AIRisk.Web.Acting.Policy;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AIRisk.Tests.Web.Acting;

/// <summary>The reason prompt as staff see it: the ticket field, what a link filled in, the problem with the last ticket.</summary>
public sealed class ReasonDialogTests : IAsyncLifetime
{
    private static readonly AIRiskUser Target = new("u-1", "Dana Reyes", "dana@example.com", "User");

    private readonly BunitContext _context = new();

    private IRenderedComponent<MudDialogProvider> _dialogs = default!;

    public ValueTask InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Render<MudPopoverProvider>();
        _dialogs = _context.Render<MudDialogProvider>();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_ticket_that_did_not_fit_comes_back_filled_in_with_its_problem_and_the_corrected_ticket_is_returned()
    {
        var question = new GroundsQuestion(Target, "Zendesk", TicketRequired: false, ReasonRequired: false, new ActAsGrounds("102", "checking"), "ticket 102 was not raised by this user");

        var answer = Ask(question);

        _dialogs.WaitForAssertion(() => Assert.Equal("Ticket 102 was not raised by this user.", _dialogs.Find("[data-testid=grounds-problem]").TextContent.Trim()));
        Assert.Equal("102", _dialogs.Find("[data-testid=ticket-input]").GetAttribute("value"));
        Assert.Equal("checking", _dialogs.Find("[data-testid=reason-input]").TextContent);
        await _dialogs.Find("[data-testid=ticket-input]").InputAsync(new() { Value = " 105 " });
        await _dialogs.Find("[data-testid=reason-submit]").ClickAsync(new());
        Assert.Equal(new ActAsGrounds("105", "checking"), await answer);
    }

    [Fact]
    public void Without_a_ticket_system_there_is_no_ticket_field_and_a_required_reason_must_be_given_before_acting()
    {
        var question = new GroundsQuestion(Target, null, TicketRequired: false, ReasonRequired: true, ActAsGrounds.None);

        _ = Ask(question);

        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("[data-testid=reason-input]")));
        Assert.Empty(_dialogs.FindAll("[data-testid=ticket-input]"));
        Assert.True(_dialogs.Find("[data-testid=reason-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Cancelling_returns_nothing()
    {
        var answer = Ask(new GroundsQuestion(Target, "Jira", TicketRequired: true, ReasonRequired: false, ActAsGrounds.None));
        _dialogs.WaitForAssertion(() => Assert.Contains("Jira ticket", _dialogs.Markup, StringComparison.Ordinal));

        await _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());

        Assert.Null(await answer);
    }

    private Task<ActAsGrounds?> Ask(GroundsQuestion question)
    {
        var prompts = new DialogStaffPrompts(_context.Services.GetRequiredService<IDialogService>());
        Task<ActAsGrounds?>? pending = null;
        // Started on the renderer's dispatcher, as a click would; the dialog's answer is awaited by the test.
        _dialogs.InvokeAsync(() => { pending = prompts.AskGroundsAsync(question, CancellationToken.None); }).GetAwaiter().GetResult();
        return pending!;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
