using System.Text.Json;
using System.Text.RegularExpressions;

namespace AIRisk.Web.Tickets;

/// <summary>
/// Jira Service Management through its documented APIs: basic authentication as <c>{email}:{api_token}</c>; an issue
/// from <c>GET /rest/api/3/issue/{key}?fields=status,assignee,reporter</c> (closed when its status category is
/// <c>done</c>; reporter as requester); an internal note as a private request comment through
/// <c>POST /rest/servicedeskapi/request/{key}/comment</c>.
/// </summary>
internal sealed partial class JiraTicketSystem(IHttpClientFactory clients, TicketOptions options) : ITicketSystem
{
    private readonly TicketApi _api = new(clients, options, "Jira", $"{options.Email}:{options.ApiToken}");

    public string Name => _api.System;

    public bool IsWellFormed(string id) => Key().IsMatch(id);

    public async Task<Ticket> GetAsync(string id, CancellationToken ct)
    {
        CheckWellFormed(id);
        var doing = $"reading ticket {id}";
        using var document = await _api.SendAsync(HttpMethod.Get, $"rest/api/3/issue/{Uri.EscapeDataString(id)}?fields=status,assignee,reporter", null, doing, id, ct);
        if (document!.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Object
            || !fields.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Object
            || !status.TryGetProperty("statusCategory", out var category) || category.ValueKind != JsonValueKind.Object
            || !category.TryGetProperty("key", out var categoryKey) || categoryKey.GetString() is not { } done)
            throw _api.Malformed(doing);

        var name = status.TryGetProperty("name", out var statusName) && statusName.ValueKind == JsonValueKind.String ? statusName.GetString()! : done;
        return new Ticket(id, name, done != "done", EmailOf(fields, "assignee"), EmailOf(fields, "reporter"));
    }

    public async Task AddInternalNoteAsync(string id, string body, CancellationToken ct)
    {
        CheckWellFormed(id);
        var comment = new { body, @public = false };
        using var _ = await _api.SendAsync(HttpMethod.Post, $"rest/servicedeskapi/request/{Uri.EscapeDataString(id)}/comment", comment, $"adding a note to ticket {id}", id, ct);
    }

    public Uri LinkTo(string id) => new(options.Url!, $"browse/{Uri.EscapeDataString(id)}");

    /// <summary>A person's email; <c>null</c> when unassigned, or when Jira hides it (the person's profile visibility).</summary>
    private static string? EmailOf(JsonElement fields, string field) =>
        fields.TryGetProperty(field, out var person) && person.ValueKind == JsonValueKind.Object
        && person.TryGetProperty("emailAddress", out var email) && email.ValueKind == JsonValueKind.String
            ? email.GetString()
            : null;

    private void CheckWellFormed(string id)
    {
        if (!IsWellFormed(id))
            throw new TicketSystemException(TicketProblem.NotFound, $"'{TicketIds.Shown(id)}' is not a {Name} issue key (e.g. SUP-42).");
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]+-[0-9]{1,18}$")]
    private static partial Regex Key();
}
