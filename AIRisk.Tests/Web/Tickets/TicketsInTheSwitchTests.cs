using AIRisk.Core.Api;
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
/// Tickets through the real switch, store, watch and renewal over a real sandbox and audit database (local mode, so only
/// the requester is matched): the prompt's ticket is checked before any token, a misfit is shown in the prompt and
/// recorded, and a running session ends once its ticket closes.
/// </summary>
public sealed class TicketsInTheSwitchTests() : DashboardTestContext(time: new FakeTimeProvider(DateTimeOffset.UtcNow))
{
    private readonly FakeTicketSystem _tickets = new();
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

    protected override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Replace(ServiceDescriptor.Scoped<ITabSessionStorage, MemoryTabStorage>());
        services.AddSingleton<ITicketSystem>(_tickets);
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
        _tickets.Put(new Ticket("101", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("101", "customer cannot see agents"));

        var switched = await Acting.SwitchAsync(user, linkedTicket: "101", ct: Ct);

        Assert.True(switched);
        Assert.Equal("101", Assert.Single(_asked).Filled.Ticket);
        Assert.Equal("Zendesk", _asked[0].TicketSystem);
        Assert.Equal("101", (await Sessions.FindAsync(SessionId!, Ct))!.Ticket);
        var start = (await Audit.QueryAsync(new AuditQuery { SessionId = SessionId }, Ct)).Items.Single(e => e.Outcome == AuditOutcome.Requested);
        Assert.Equal($"session {SessionId}, ticket 101", start.Detail);
    }

    [Fact]
    public async Task A_ticket_raised_by_someone_else_is_shown_in_the_prompt_recorded_and_nothing_is_switched()
    {
        var user = Ordinary;
        _tickets.Put(new Ticket("102", "open", true, null, "someone.else@example.com"));
        _answers.Enqueue(new ActAsGrounds("102", "checking"));

        var switched = await Acting.SwitchAsync(user, linkedTicket: "102", ct: Ct);

        Assert.False(switched);
        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(2, _asked.Count);
        Assert.Equal("ticket 102 was not raised by this user", _asked[1].Problem);
        Assert.Equal(new ActAsGrounds("102", "checking"), _asked[1].Filled);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(user.Id));
        var refused = Assert.Single((await Audit.QueryAsync(new AuditQuery(Target: user.Id), Ct)).Items);
        Assert.Equal((AuditAction.ActAs, AuditOutcome.Refused, "ticket 102", "ticket 102 was not raised by this user"), (refused.Action, refused.Outcome, refused.Detail, refused.Error));
    }

    [Fact]
    public async Task A_ticket_system_that_cannot_answer_is_named_in_the_prompt_and_no_token_is_requested()
    {
        var user = Ordinary;
        _tickets.Outage = "Zendesk answered 503 for ticket 103; try again shortly";
        _answers.Enqueue(new ActAsGrounds("103", null));

        var switched = await Acting.SwitchAsync(user, linkedTicket: "103", ct: Ct);

        Assert.False(switched);
        Assert.Equal("Zendesk answered 503 for ticket 103; try again shortly", _asked[1].Problem);
        Assert.Equal(0, Sandbox.State.Requests.CountTokenCalls(user.Id));
    }

    [Fact]
    public async Task A_closed_ticket_is_corrected_in_the_prompt_to_one_that_fits_and_the_session_starts_with_that()
    {
        var user = Ordinary;
        _tickets.Put(new Ticket("104", "solved", false, null, user.Email));
        _tickets.Put(new Ticket("105", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("104", null));
        _answers.Enqueue(new ActAsGrounds("105", null));

        var switched = await Acting.SwitchAsync(user, linkedTicket: "104", ct: Ct);

        Assert.True(switched);
        Assert.Equal("ticket 104 is solved", _asked[1].Problem);
        Assert.Equal("105", (await Sessions.FindAsync(SessionId!, Ct))!.Ticket);
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
        _tickets.Put(new Ticket("106", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("106", null));
        await Acting.SwitchAsync(user, linkedTicket: "106", ct: Ct);
        var session = SessionId!;
        _tickets.Put(new Ticket("106", "solved", false, null, user.Email));

        Time!.Advance(TimeSpan.FromMinutes(4));
        await Watch.CheckAsync();
        Assert.True(Tokens.Current.IsActing);
        Time.Advance(TimeSpan.FromMinutes(1.5));
        await Watch.CheckAsync();

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(SessionEndCause.TicketClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
        Assert.Equal($"Stopped acting as {user.DisplayName}: ticket 106 is solved.", LastError);
    }

    [Fact]
    public async Task A_renewal_after_the_ticket_was_reassigned_away_from_the_user_ends_the_session_and_mints_nothing()
    {
        var user = Ordinary;
        _tickets.Put(new Ticket("107", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("107", null));
        await Acting.SwitchAsync(user, linkedTicket: "107", ct: Ct);
        var session = SessionId!;
        var tokenCalls = Sandbox.State.Requests.CountTokenCalls(user.Id);
        _tickets.Put(new Ticket("107", "open", true, null, "another.requester@example.com"));

        await Assert.ThrowsAsync<AIRiskApiException>(() => ActingTokens.GetTokenAsync(Tokens.Current, refused: true, Ct));

        Assert.False(Tokens.Current.IsActing);
        Assert.Equal(tokenCalls, Sandbox.State.Requests.CountTokenCalls(user.Id));
        Assert.Equal(SessionEndCause.TicketClosed, (await Sessions.FindAsync(session, Ct))!.EndCause);
    }

    [Fact]
    public async Task A_reload_after_the_ticket_was_closed_does_not_resume_and_ends_the_session_as_ticket_closed()
    {
        var user = Ordinary;
        _tickets.Put(new Ticket("111", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("111", null));
        await Acting.SwitchAsync(user, linkedTicket: "111", ct: Ct);
        var session = SessionId!;
        _tickets.Put(new Ticket("111", "closed", false, null, user.Email));
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
        _tickets.Put(new Ticket("108", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("108", null));
        await Acting.SwitchAsync(user, linkedTicket: "108", ct: Ct);
        _tickets.Outage = "Zendesk did not answer within 10 s";

        Time!.Advance(TimeSpan.FromMinutes(6));
        await Watch.CheckAsync();

        Assert.True(Tokens.Current.IsActing);
    }

    [Fact]
    public async Task The_audit_trail_filtered_by_ticket_shows_its_sessions_and_the_attempts_refused_for_it_and_nothing_else()
    {
        var user = Ordinary;
        _tickets.Put(new Ticket("109", "open", true, null, "not.them@example.com"));
        _answers.Enqueue(new ActAsGrounds("109", null));
        await Acting.SwitchAsync(user, linkedTicket: "109", ct: Ct);
        _tickets.Put(new Ticket("109", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("109", null));
        await Acting.SwitchAsync(user, linkedTicket: "109", ct: Ct);
        var session = SessionId!;
        _tickets.Put(new Ticket("110", "open", true, null, user.Email));
        _answers.Enqueue(new ActAsGrounds("110", null));
        await Acting.SwitchAsync(user, linkedTicket: "110", ct: Ct);

        var records = (await Audit.QueryAsync(new AuditQuery { Ticket = "109" }, Ct)).Items;

        Assert.Contains(records, r => r is { Outcome: AuditOutcome.Refused, Detail: "ticket 109" });
        Assert.Contains(records, r => r.SessionId == session && r.Outcome == AuditOutcome.Requested);
        Assert.All(records, r => Assert.True(r.SessionId == session || r.Detail == "ticket 109", $"{r.Action} {r.Detail}"));
    }
}
