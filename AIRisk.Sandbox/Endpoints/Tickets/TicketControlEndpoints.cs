using System.Globalization;
using System.Text.Json;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Endpoints.Contracts;

namespace AIRisk.Sandbox.Endpoints.Tickets;

/// <summary>
/// <c>/sandbox/tickets</c>: what tests do through <see cref="TicketDesk"/>, over HTTP (browser tests drive a sandbox in
/// another process): create a ticket, change its status or assignee, read it and the notes it received. Faults on the
/// ticket APIs go through <c>/sandbox/faults</c> with a path such as <c>/api/v2/tickets/</c> or <c>/rest/</c>.
/// </summary>
internal sealed class TicketControlEndpoints(SandboxState state)
{
    public async Task CreateAsync(HttpContext context)
    {
        var change = await ReadAsync(context);
        if (change?.Requester is not { Length: > 0 } requester)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Expected {\"requester\": email, \"assignee\"?, \"status\"?, \"subject\"?}");
            return;
        }

        try
        {
            var ticket = state.Tickets.Create(requester, change.Assignee, change.Status ?? "open", change.Subject ?? "Created by a test");
            await SandboxResults.JsonAsync(context, ticket, StatusCodes.Status201Created);
        }
        catch (ArgumentException e)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    public async Task GetAsync(HttpContext context)
    {
        if (Number(context) is { } number && state.Tickets.Find(number) is { } ticket)
            await SandboxResults.JsonAsync(context, ticket);
        else
            context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async Task UpdateAsync(HttpContext context)
    {
        var change = await ReadAsync(context);
        if (change is null || Number(context) is not { } number)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, "Expected {\"status\"?, \"assignee\"?}");
            return;
        }

        try
        {
            if (state.Tickets.Update(number, change.Status, change.Assignee) is { } ticket)
                await SandboxResults.JsonAsync(context, ticket);
            else
                context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (ArgumentException e)
        {
            await SandboxResults.TextAsync(context, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    public Task NotesAsync(HttpContext context) =>
        Number(context) is { } number ? SandboxResults.JsonAsync(context, state.Tickets.NotesOf(number)) : SandboxResults.EmptyAsync(context, StatusCodes.Status404NotFound);

    private static long? Number(HttpContext context) =>
        long.TryParse(context.Request.RouteValues["number"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static async Task<TicketChange?> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<TicketChange>(context.Request.Body, SandboxJson.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
