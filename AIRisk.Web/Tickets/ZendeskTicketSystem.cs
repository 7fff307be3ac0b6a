using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AIRisk.Web.Tickets;

/// <summary>
/// Zendesk Support through its documented API: basic authentication as <c>{email}/token:{api_token}</c>; a ticket from
/// <c>GET /api/v2/tickets/{id}.json</c> (open unless <c>solved</c> or <c>closed</c>), its assignee's and requester's
/// emails from <c>GET /api/v2/users/{id}.json</c>; an internal note as a private comment through
/// <c>PUT /api/v2/tickets/{id}.json</c>.
/// </summary>
internal sealed partial class ZendeskTicketSystem(IHttpClientFactory clients, TicketOptions options) : ITicketSystem
{
    private readonly TicketApi _api = new(clients, options, "Zendesk", $"{options.Email}/token:{options.ApiToken}");

    public string Name => _api.System;

    public bool IsWellFormed(string id) => Id().IsMatch(id);

    public async Task<Ticket> GetAsync(string id, CancellationToken ct)
    {
        CheckWellFormed(id);
        var doing = $"reading ticket {id}";
        using var document = await _api.SendAsync(HttpMethod.Get, $"api/v2/tickets/{Uri.EscapeDataString(id)}.json", null, doing, id, ct);
        if (document!.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("ticket", out var ticket) || ticket.ValueKind != JsonValueKind.Object
            || !ticket.TryGetProperty("status", out var statusValue) || statusValue.GetString() is not { } status)
            throw _api.Malformed(doing);

        var assignee = await EmailOfAsync(ticket, "assignee_id", id, doing, ct);
        var requester = await EmailOfAsync(ticket, "requester_id", id, doing, ct);
        return new Ticket(id, status, status is not ("solved" or "closed"), assignee, requester);
    }

    public async Task AddInternalNoteAsync(string id, string body, CancellationToken ct)
    {
        CheckWellFormed(id);
        var note = new { ticket = new { comment = new { body, @public = false } } };
        using var _ = await _api.SendAsync(HttpMethod.Put, $"api/v2/tickets/{Uri.EscapeDataString(id)}.json", note, $"adding a note to ticket {id}", id, ct);
    }

    public Uri LinkTo(string id) => new(options.Url!, $"agent/tickets/{Uri.EscapeDataString(id)}");

    /// <returns>The email of the user <paramref name="field"/> names; <c>null</c> when it names nobody or a user Zendesk no longer has.</returns>
    private async Task<string?> EmailOfAsync(JsonElement ticket, string field, string id, string doing, CancellationToken ct)
    {
        if (!ticket.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (!value.TryGetInt64(out var userId))
            throw _api.Malformed(doing);

        var user = userId.ToString(CultureInfo.InvariantCulture);
        using var document = await _api.SendAsync(HttpMethod.Get, $"api/v2/users/{user}.json", null, doing, id, ct, notFoundIsNull: true);
        if (document is null)
            return null;
        if (document.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("user", out var found) || found.ValueKind != JsonValueKind.Object)
            throw _api.Malformed(doing);
        return found.TryGetProperty("email", out var email) && email.ValueKind == JsonValueKind.String ? email.GetString() : null;
    }

    private void CheckWellFormed(string id)
    {
        if (!IsWellFormed(id))
            throw new TicketSystemException(TicketProblem.NotFound, $"'{TicketIds.Shown(id)}' is not a {Name} ticket number (digits only, e.g. 123).");
    }

    [GeneratedRegex("^[0-9]{1,18}$")]
    private static partial Regex Id();
}
