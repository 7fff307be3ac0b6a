using System.Net;
using System.Text;
using AIRisk.Core.Api;

namespace AIRisk.Tests.Core.Api;

/// <summary>How AIRisk's own words are quoted to staff (the sandbox's faults send fixed texts, so bodies are built here).</summary>
public sealed class ErrorMessageTests
{
    [Theory]
    [InlineData("An error occurred while processing your request.", "AIRisk answered 500 \"An error occurred while processing your request.\"")]
    [InlineData("Invalid text", "AIRisk answered 500 \"Invalid text\".")]
    public async Task AIRisks_message_is_quoted_without_a_second_full_stop(string body, string expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://tenant.example/api/Chat/ListAgents"),
        };

        var error = await ErrorResponseReader.ReadAsync(response, "Loading the agents", TestContext.Current.CancellationToken);

        Assert.EndsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AIRisks_message_reaches_staff_and_the_logs_without_control_characters_or_an_echoed_token()
    {
        const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl";
        var body = $"Bad request\u001b[31m for \u202Egnp.exe\u0000 with Bearer {Jwt}\r\nFAKE LOG LINE";
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent(body, Encoding.UTF8, "text/plain"),
            RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://tenant.example/api/Chat/ListAgents"),
        };

        var error = await ErrorResponseReader.ReadAsync(response, "Loading the agents", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(error.Message, c => char.IsControl(c) || c == '\u202E');
        Assert.DoesNotContain("eyJ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bearer [redacted]", error.Message, StringComparison.Ordinal);
        Assert.Contains("FAKE LOG LINE", error.Message, StringComparison.Ordinal);
    }
}
