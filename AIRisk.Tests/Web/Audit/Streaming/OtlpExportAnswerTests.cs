using System.Net;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.Web.Audit.Streaming;

public sealed class OtlpExportAnswerTests
{
    [Theory]
    [InlineData(200, "")]
    [InlineData(200, "{}")]
    [InlineData(202, """{"partialSuccess":{}}""")]
    [InlineData(200, """{"partialSuccess":{"rejectedLogRecords":"0","errorMessage":"consider batching"}}""")]
    public void A_2xx_without_rejected_records_is_taken(int status, string body)
    {
        Assert.Null(OtlpExportAnswer.Problem((HttpStatusCode)status, "application/json", body));
    }

    [Theory]
    [InlineData("""{"partialSuccess":{"rejectedLogRecords":"2","errorMessage":"too large"}}""", "rejected 2 log records: too large")]
    [InlineData("""{"partialSuccess":{"rejectedLogRecords":3}}""", "rejected 3 log records")]
    [InlineData("""{"partialSuccess":{"rejectedLogRecords":"many"}}""", "rejected some log records")]
    public void A_partial_success_with_rejected_records_is_not_taken(string body, string problem)
    {
        Assert.Equal(problem, OtlpExportAnswer.Problem(HttpStatusCode.OK, "application/json", body));
    }

    [Fact]
    public void A_400_is_not_taken_and_says_why_in_the_receivers_words()
    {
        var problem = OtlpExportAnswer.Problem(HttpStatusCode.BadRequest, "application/json", """{"code":3,"message":"unknown field \"timeUnixNanos\""}""");

        Assert.Equal("answered 400 BadRequest: unknown field \"timeUnixNanos\"", problem);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(302)]
    public void Any_other_status_is_not_taken(int status)
    {
        Assert.NotNull(OtlpExportAnswer.Problem((HttpStatusCode)status, null, ""));
    }

    [Fact]
    public void A_200_with_a_page_instead_of_an_OTLP_response_is_not_taken()
    {
        var problem = OtlpExportAnswer.Problem(HttpStatusCode.OK, "text/html", "<html>Welcome to nginx</html>");

        Assert.Equal("answered 200 with a body that is not an OTLP/JSON response (text/html)", problem);
    }

    [Fact]
    public void A_long_message_from_the_receiver_is_cut()
    {
        var problem = OtlpExportAnswer.Problem(HttpStatusCode.BadRequest, "application/json", $$"""{"message":"{{new string('x', 5000)}}"}""");

        Assert.True(problem!.Length < 300, problem);
    }
}
