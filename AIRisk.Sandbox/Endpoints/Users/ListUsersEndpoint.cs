using System.Text.Json;
using AIRisk.Sandbox.Data;

namespace AIRisk.Sandbox.Endpoints.Users;

/// <summary>
/// <c>GET /api/Users/ListUsers</c> and <c>GET /api/ListUsers</c>. Written user by user straight to the response,
/// so 100,000 users never sit in memory as one string.
/// </summary>
internal sealed class ListUsersEndpoint(SandboxState state)
{
    private const int UsersPerFlush = 256;

    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText UserNameName = JsonEncodedText.Encode("userName");
    private static readonly JsonEncodedText EmailName = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText FirstNameName = JsonEncodedText.Encode("firstName");
    private static readonly JsonEncodedText LastNameName = JsonEncodedText.Encode("lastName");
    private static readonly JsonEncodedText DisplayNameName = JsonEncodedText.Encode("displayName");
    private static readonly JsonEncodedText RoleName = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText CompanyIdName = JsonEncodedText.Encode("companyId");
    private static readonly JsonEncodedText CompanyName = JsonEncodedText.Encode("company");
    private static readonly JsonEncodedText LastLoginName = JsonEncodedText.Encode("lastLogin");

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var shape = state.Options.UserListShape;
        var wrapped = shape != "array";
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";

        var body = context.Response.BodyWriter;
        await using var writer = new Utf8JsonWriter(body, SandboxJson.WriterOptions);
        if (wrapped)
        {
            writer.WriteStartObject();
            writer.WriteStartArray(shape);
        }
        else
        {
            writer.WriteStartArray();
        }

        var users = state.Data.Users;
        for (var i = 0; i < users.Count; i++)
        {
            Write(writer, users[i], state.Options.SendCompanyName);
            if (i % UsersPerFlush == UsersPerFlush - 1)
            {
                writer.Flush();
                // The client has gone: stop rather than serialize the rest for nobody.
                if ((await body.FlushAsync(ct)).IsCompleted)
                    return;
            }
        }

        writer.WriteEndArray();
        if (wrapped)
            writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>Only the fields the user has: absent, not null, as an undocumented shape may well be.</summary>
    private static void Write(Utf8JsonWriter writer, SandboxUser user, bool companyName)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, user.Id);
        WriteIfPresent(writer, UserNameName, user.UserName);
        WriteIfPresent(writer, EmailName, user.Email);
        WriteIfPresent(writer, FirstNameName, user.FirstName);
        WriteIfPresent(writer, LastNameName, user.LastName);
        if (user.Naming == UserNaming.DisplayName)
            writer.WriteString(DisplayNameName, user.DisplayName);
        writer.WriteString(RoleName, user.Role);
        writer.WriteString(CompanyIdName, user.CompanyId);
        if (companyName)
            writer.WriteString(CompanyName, user.Company);
        writer.WriteString(LastLoginName, user.LastLogin.UtcDateTime);
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }
}
