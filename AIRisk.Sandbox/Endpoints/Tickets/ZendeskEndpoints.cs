using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.Tickets;

/// <summary>
/// Zendesk Support's ticket API as the console uses it: <c>GET /api/v2/tickets/{id}.json</c>,
/// <c>GET /api/v2/users/{id}.json</c> and <c>PUT /api/v2/tickets/{id}.json</c> with a comment (public unless
/// <c>"public": false</c>, as in Zendesk). Errors in Zendesk's shape: <c>{"error": "...", "description": "..."}</c>.
/// </summary>
internal sealed class ZendeskEndpoints(SandboxState state)
{
    public async Task GetTicketAsync(HttpContext context)
    {
        if (await RefusedAsync(context) || await TicketOrNotFoundAsync(context) is not { } ticket)
            return;
        await SandboxResults.JsonAsync(context, new JsonObject { ["ticket"] = Ticket(context, ticket) });
    }

    public async Task GetUserAsync(HttpContext context)
    {
        if (await RefusedAsync(context))
            return;
        if (!long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || state.Tickets.FindPerson(id) is not { } person)
        {
            await NotFoundAsync(context);
            return;
        }

        await SandboxResults.JsonAsync(context, new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["id"] = person.Id,
                ["url"] = $"{Base(context)}api/v2/users/{person.Id}.json",
                ["name"] = person.Name,
                ["email"] = person.Email,
                ["role"] = person.IsAgent ? "agent" : "end-user",
                ["active"] = true,
            },
        });
    }

    public async Task UpdateTicketAsync(HttpContext context)
    {
        if (await RefusedAsync(context) || await TicketOrNotFoundAsync(context) is not { } ticket)
            return;
        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (body?.Property("ticket")?.Property("comment") is not { ValueKind: JsonValueKind.Object } comment || comment.StringProperty("body") is not { Length: > 0 } text)
        {
            await SandboxResults.JsonAsync(context, new JsonObject
            {
                ["error"] = "RecordInvalid",
                ["description"] = "Record validation errors",
                ["details"] = new JsonObject { ["base"] = new JsonArray(new JsonObject { ["description"] = "Comment: body can't be blank" }) },
            }, StatusCodes.Status422UnprocessableEntity);
            return;
        }

        var isPublic = comment.Property("public") is not { ValueKind: JsonValueKind.False };
        var author = state.Tickets.Person(state.Options.TicketEmail, isAgent: true);
        var now = state.TimeProvider.GetUtcNow();
        state.Tickets.AddNote(new TicketNote(ticket.Number, text, isPublic, author.Email, "zendesk", now));
        await SandboxResults.JsonAsync(context, new JsonObject
        {
            ["ticket"] = Ticket(context, ticket),
            ["audit"] = new JsonObject
            {
                ["ticket_id"] = ticket.Number,
                ["created_at"] = SandboxJson.UtcSeconds(now),
                ["author_id"] = author.Id,
                ["events"] = new JsonArray(new JsonObject { ["type"] = "Comment", ["author_id"] = author.Id, ["body"] = text, ["public"] = isPublic }),
            },
        });
    }

    private JsonObject Ticket(HttpContext context, SandboxTicket ticket) => new()
    {
        ["id"] = ticket.Number,
        ["url"] = $"{Base(context)}api/v2/tickets/{ticket.Number}.json",
        ["subject"] = ticket.Subject,
        ["status"] = ticket.Status,
        ["requester_id"] = state.Tickets.Person(ticket.RequesterEmail).Id,
        ["submitter_id"] = state.Tickets.Person(ticket.RequesterEmail).Id,
        ["assignee_id"] = ticket.AssigneeEmail is { } assignee ? state.Tickets.Person(assignee, isAgent: true).Id : null,
        // Zendesk never assigns an agent without a group; the sandbox has one.
        ["group_id"] = 1,
    };

    private async Task<bool> RefusedAsync(HttpContext context)
    {
        if (TicketAuth.IsZendesk(context, state.Options))
            return false;
        await SandboxResults.JsonAsync(context, new JsonObject { ["error"] = "Couldn't authenticate you" }, StatusCodes.Status401Unauthorized);
        return true;
    }

    private async Task<SandboxTicket?> TicketOrNotFoundAsync(HttpContext context)
    {
        if (long.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && state.Tickets.Find(id) is { } ticket)
            return ticket;
        await NotFoundAsync(context);
        return null;
    }

    private static Task NotFoundAsync(HttpContext context) =>
        SandboxResults.JsonAsync(context, new JsonObject { ["error"] = "RecordNotFound", ["description"] = "Not found" }, StatusCodes.Status404NotFound);

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";
}
