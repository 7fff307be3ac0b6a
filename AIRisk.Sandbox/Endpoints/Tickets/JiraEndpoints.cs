using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIRisk.Sandbox.Data.Tickets;
using AIRisk.Sandbox.Endpoints.Pipeline;

namespace AIRisk.Sandbox.Endpoints.Tickets;

/// <summary>
/// Jira Service Management as the console uses it: <c>GET /rest/api/3/issue/{key}</c> (status with its category,
/// assignee, reporter) and <c>POST /rest/servicedeskapi/request/{key}/comment</c> (public unless <c>"public": false</c>).
/// Errors in each API's shape: the platform's <c>{"errorMessages": [...], "errors": {}}</c>, the service desk's
/// <c>{"errorMessage": "...", "i18nErrorMessage": {...}}</c>.
/// </summary>
internal sealed class JiraEndpoints(SandboxState state)
{
    /// <summary>Jira's numeric issue ids are not its keys' numbers; the sandbox's are this much higher.</summary>
    private const long IssueIdOffset = 10000;

    public async Task GetIssueAsync(HttpContext context)
    {
        if (!TicketAuth.IsJira(context, state.Options))
        {
            await PlatformErrorAsync(context, StatusCodes.Status401Unauthorized, "You are not authenticated. Authentication required to perform this operation.");
            return;
        }
        if (Find(context) is not { } ticket)
        {
            await PlatformErrorAsync(context, StatusCodes.Status404NotFound, "Issue does not exist or you do not have permission to see it.");
            return;
        }

        var (name, categoryKey, categoryName) = TicketStatuses.Jira(ticket.Status);
        var id = IssueId(ticket);
        await SandboxResults.JsonAsync(context, new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = id,
            ["self"] = $"{Base(context)}rest/api/3/issue/{id}",
            ["key"] = ticket.JiraKey,
            ["fields"] = new JsonObject
            {
                ["status"] = new JsonObject
                {
                    ["name"] = name,
                    ["statusCategory"] = new JsonObject { ["key"] = categoryKey, ["name"] = categoryName },
                },
                ["assignee"] = ticket.AssigneeEmail is { } assignee ? User(assignee) : null,
                ["reporter"] = User(ticket.RequesterEmail),
            },
        });
    }

    public async Task AddCommentAsync(HttpContext context)
    {
        if (!TicketAuth.IsJira(context, state.Options))
        {
            await ServiceDeskErrorAsync(context, StatusCodes.Status401Unauthorized, "You are not authenticated.", "sd.request.error.unauthorized");
            return;
        }
        if (Find(context) is not { } ticket)
        {
            await ServiceDeskErrorAsync(context, StatusCodes.Status404NotFound, "The request could not be found.", "sd.request.error.request.not.found");
            return;
        }

        var body = await JsonBody.ReadObjectAsync(context.Request, context.RequestAborted);
        if (body?.StringProperty("body") is not { Length: > 0 } text)
        {
            await ServiceDeskErrorAsync(context, StatusCodes.Status400BadRequest, "The comment body is required.", "sd.comment.error.body.required");
            return;
        }

        var isPublic = body.Value.Property("public") is not { ValueKind: JsonValueKind.False };
        var now = state.TimeProvider.GetUtcNow();
        state.Tickets.AddNote(new TicketNote(ticket.Number, text, isPublic, state.Options.TicketEmail, "jira", now));
        var commentId = state.Tickets.NotesOf(ticket.Number).Count.ToString(CultureInfo.InvariantCulture);
        await SandboxResults.JsonAsync(context, new JsonObject
        {
            ["id"] = commentId,
            ["body"] = text,
            ["public"] = isPublic,
            ["author"] = User(state.Options.TicketEmail),
            ["created"] = new JsonObject { ["iso8601"] = SandboxJson.UtcSeconds(now), ["epochMillis"] = now.ToUnixTimeMilliseconds() },
            ["_links"] = new JsonObject { ["self"] = $"{Base(context)}rest/servicedeskapi/request/{IssueId(ticket)}/comment/{commentId}" },
        }, StatusCodes.Status201Created);
    }

    /// <summary>A key (<c>SUP-1001</c>, any case) or the issue's numeric id.</summary>
    private SandboxTicket? Find(HttpContext context)
    {
        var given = context.Request.RouteValues["key"] as string ?? "";
        var prefix = SandboxTicket.JiraProject + "-";
        if (given.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && long.TryParse(given[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return state.Tickets.Find(number);
        return long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > IssueIdOffset ? state.Tickets.Find(id - IssueIdOffset) : null;
    }

    private static string IssueId(SandboxTicket ticket) => (IssueIdOffset + ticket.Number).ToString(CultureInfo.InvariantCulture);

    private JsonObject User(string email)
    {
        var person = state.Tickets.Person(email);
        return new JsonObject
        {
            ["accountId"] = $"5b10ac8d82e05b22cc7d{person.Id:D4}",
            ["emailAddress"] = person.Email,
            ["displayName"] = person.Name,
            ["active"] = true,
        };
    }

    private static Task PlatformErrorAsync(HttpContext context, int status, string message) =>
        SandboxResults.JsonAsync(context, new JsonObject { ["errorMessages"] = new JsonArray(message), ["errors"] = new JsonObject() }, status);

    private static Task ServiceDeskErrorAsync(HttpContext context, int status, string message, string key) =>
        SandboxResults.JsonAsync(context, new JsonObject
        {
            ["errorMessage"] = message,
            ["i18nErrorMessage"] = new JsonObject { ["i18nKey"] = key, ["parameters"] = new JsonArray() },
        }, status);

    private static string Base(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}/";
}
