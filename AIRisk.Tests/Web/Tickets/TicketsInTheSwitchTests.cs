using System.Globalization;
using AIRisk.Core.Api;
using AIRisk.Sandbox;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.TestSupport;
using AIRisk.Web.Acting.Policy;
using AIRisk.Web.Acting.Sessions;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Sessions;
using AIRisk.Web.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AIRisk.Tests.Web.Tickets;

/// <summary>
/// Tickets through the real switch, store, watch, renewal and resume over a real sandbox (AIRisk and its Zendesk, over
/// HTTP) and audit database (local mode, so only the requester is matched): the prompt's ticket is checked before any token, a misfit is shown in the prompt and
/// recorded, and a running session ends once its ticket closes.
/// </summary>
public sealed class TicketsInTheSwitchTests() : DashboardTestContext(time: new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    private readonly List<GroundsQuestion> _asked = [];
    private readonly Queue<ActAsGrounds?> _answers = new();
    private bool _required;

    private IActingSessionStore Sessions => Context.Services.GetRequiredService<IActingSessionStore>();

    private SessionWatch Watch => Context.Services.GetRequiredService<SessionWatch>();

    private AIRiskUser Ordinary
    {
        get
        {
            var user = Sandbox.State.Data.Users.First(u => u.Role == "User" && u.Email is not null);
            return new AIRiskUser(user.Id, user.DisplayName, user.Email, user.Role);
        }
    }

    private TicketDesk Desk => Sandbox.State.Tickets;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in Sandbox.TicketSettings("zendesk"))
            settings[key] = value;
    }

    /// <summary>A ticket of the sandbox's Zendesk, and its id as staff type it.</summary>
    private string NewTicket(string requester, string status = "open") => Id(Desk.Create(requester, null, status));

    private static string Id(SandboxTicket ticket) => ticket.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The sandbox's Zendesk answering 503 to the next reads.</summary>
    private void ZendeskDown() => Sandbox.State.Faults.FailNext("/api/v2/", 20, FaultKind.HtmlPage, 503);

    protected override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Scoped<ITabSessionStorage, MemoryTabStorage>());
        services.AddAIRiskTickets(configuration);
        services.Configure<TicketOptions>(o => o.Required = _required);
        Prompts.Setup(p => p.AskGroundsAsync(It.IsAny<GroundsQuestion>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((GroundsQuestion q, CancellationToken _) =>
            {
                _asked.Add(q);
                return _answers.Count > 0 ? _answers.Dequeue() : null;
            });
    }

    [Fact]
    public async Task A_linked_ticket_that_fits_is_filled_in_checked_and_kept_with_the_session_and_its_start_record()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(ticket, "customer cannot see agents"));

        var switched = await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);

        Assert.True(switched);
        Assert.Equal(ticket, Assert.Single(_asked).Filled.Ticket);
        Assert.Equal("Zendesk", _asked[0].TicketSystem);
        Assert.Equal(ticket, (await Sessions.FindAsync(SessionId!, Ct))!.Ticket);
        var start = (await Audit.QueryAsync(new AuditQuery { SessionId = SessionId }, Ct)).Items.Single(e => e.Outcome == AuditOutcome.Requested);
        Assert.Equal($"session {SessionId}, ticket {ticket}", start.Detail);
    }

    [Fact]
    public async Task A_ticket_raised_by_someone_else_is_shown_in_the_prompt_recorded_and_nothing_is_switched()
    {
        var user = Ordinary;
        var ticket = NewTicket("someone.else@example.com");
        _answers.Enqueue(new ActAsGrounds(ticket, "checking"));

        var switched = await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);

        Assert.False(switched);
        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(2, _asked.Count);
        Assert.Equal($"ticket {ticket} was not raised by this user", _asked[1].Problem);
        Assert.Equal(new ActAsGrounds(ticket, "checking"), _asked[1].Filled);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(user.Id));
        var refused = Assert.Single((await Audit.QueryAsync(new AuditQuery(Target: user.Id), Ct)).Items);
        Assert.Equal((AuditAction.ActAs, AuditOutcome.Refused, $"ticket {ticket}", $"ticket {ticket} was not raised by this user"), (refused.Action, refused.Outcome, refused.Detail, refused.Error));
    }

    [Fact]
    public async Task A_ticket_system_that_cannot_answer_is_named_in_the_prompt_and_no_token_is_requested()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!);
        ZendeskDown();
        _answers.Enqueue(new ActAsGrounds(ticket, null));

        var switched = await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);

        Assert.False(switched);
        Assert.Contains($"is unavailable (503 Service Unavailable) while reading ticket {ticket}", _asked[1].Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxOptions.DemoTicketApiToken, _asked[1].Problem, StringComparison.Ordinal);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task A_closed_ticket_is_corrected_in_the_prompt_to_one_that_fits_and_the_session_starts_with_that()
    {
        var user = Ordinary;
        var solved = NewTicket(user.Email!, "solved");
        var open = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(solved, null));
        _answers.Enqueue(new ActAsGrounds(open, null));

        var switched = await Acting.SwitchAsync(user, linkedTicket: solved, ct: Ct);

        Assert.True(switched);
        Assert.Equal($"ticket {solved} is solved", _asked[1].Problem);
        Assert.Equal(open, (await Sessions.FindAsync(SessionId!, Ct))!.Ticket);
    }

    [Fact]
    public async Task Without_a_link_or_a_requirement_one_click_acts_at_once_and_the_start_says_no_ticket()
    {
        var user = Ordinary;

        var switched = await Acting.SwitchAsync(user, ct: Ct);

        Assert.True(switched);
        Assert.Empty(_asked);
        var start = (await Audit.QueryAsync(new AuditQuery { SessionId = SessionId }, Ct)).Items.Single(e => e.Outcome == AuditOutcome.Requested);
        Assert.Equal($"session {SessionId}, no ticket", start.Detail);
    }

    [Fact]
    public async Task With_tickets_required_an_act_as_without_one_is_refused_on_record_before_any_token()
    {
        _required = true;
        var user = Ordinary;
        _answers.Enqueue(new ActAsGrounds(null, "urgent"));

        var switched = await Acting.SwitchAsync(user, ct: Ct);

        Assert.False(switched);
        Assert.True(Assert.Single(_asked).TicketRequired);
        Assert.Equal($"You may not act as {user.DisplayName}: a fitting Zendesk ticket is required (TICKET_REQUIRED).", LastError);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(user.Id));
        Assert.Equal(AuditOutcome.Refused, Assert.Single((await Audit.QueryAsync(new AuditQuery(Target: user.Id), Ct)).Items).Outcome);
    }

    [Fact]
    public async Task A_session_whose_ticket_is_solved_ends_as_ticket_closed_at_the_next_periodic_check()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(ticket, null));
        await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);
        var session = SessionId!;
        Desk.Update(long.Parse(ticket, CultureInfo.InvariantCulture), "solved", null);

        Time!.Advance(TimeSpan.FromMinutes(4));
        await Watch.CheckAsync();
        Assert.True(Tokens.Current.IsActing);
        Time.Advance(TimeSpan.FromMinutes(1.5));
        await Watch.CheckAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.TicketClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
        Assert.Equal($"Stopped acting as {user.DisplayName}: ticket {ticket} is solved.", LastError);
    }

    [Fact]
    public async Task A_renewal_after_the_ticket_was_closed_ends_the_session_and_mints_nothing()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(ticket, null));
        await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);
        var session = SessionId!;
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(user.Id);
        Desk.Update(long.Parse(ticket, CultureInfo.InvariantCulture), "closed", null);

        await Assert.ThrowsAsync<AIRiskApiException>(() => ActingTokens.GetTokenAsync(Tokens.Current, refused: true, Ct));

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(tokenCalls, Sandbox.State.Requests.CountTokenCalls(user.Id));
        Assert.Equal(SessionEndCause.TicketClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task A_reload_after_the_ticket_was_closed_does_not_resume_and_ends_the_session_as_ticket_closed()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(ticket, null));
        await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);
        var session = SessionId!;
        Desk.Update(long.Parse(ticket, CultureInfo.InvariantCulture), "closed", null);
        // The same tab reloads: its stored session id is all it has.
        await Tokens.ClearAsync();
        Tab.Id = null;
        Clock.Stop();

        var resumed = await Resume.ResumeAsync(Ct);

        Assert.Null(resumed);
        Assert.Equal(SessionEndCause.TicketClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task A_ticket_system_down_at_a_periodic_check_does_not_end_the_session()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(ticket, null));
        await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);
        ZendeskDown();

        Time!.Advance(TimeSpan.FromMinutes(6));
        await Watch.CheckAsync();

        Assert.True(Tokens.Current.IsActing);
    }

    [Fact]
    public async Task The_audit_trail_filtered_by_ticket_shows_its_sessions_and_the_attempts_refused_for_it_and_nothing_else()
    {
        var user = Ordinary;
        var ticket = NewTicket(user.Email!, "solved");
        _answers.Enqueue(new ActAsGrounds(ticket, null));
        await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);
        Desk.Update(long.Parse(ticket, CultureInfo.InvariantCulture), "open", null);
        _answers.Enqueue(new ActAsGrounds(ticket, null));
        await Acting.SwitchAsync(user, linkedTicket: ticket, ct: Ct);
        var session = SessionId!;
        var other = NewTicket(user.Email!);
        _answers.Enqueue(new ActAsGrounds(other, null));
        await Acting.SwitchAsync(user, linkedTicket: other, ct: Ct);

        var records = (await Audit.QueryAsync(new AuditQuery { Ticket = ticket }, Ct)).Items;

        Assert.Contains(records, r => r.Outcome == AuditOutcome.Refused && r.Detail == $"ticket {ticket}");
        Assert.Contains(records, r => r.SessionId == session && r.Outcome == AuditOutcome.Requested);
        Assert.All(records, r => Assert.True(r.SessionId == session || r.Detail == $"ticket {ticket}", $"{r.Action} {r.Detail}"));
    }
}
