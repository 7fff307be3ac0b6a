using System.Net;
using AIRisk.Core.Api;
using Polly;

namespace AIRisk.Tests.Core.Api;

public sealed class BreakerFailureTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    public void One_users_refusal_does_not_count_toward_opening_the_breaker(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        Assert.False(BreakerFailure.Counts(Outcome.FromResult(response)));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public void Server_errors_count(HttpStatusCode status)
    {
        using var response = new HttpResponseMessage(status);

        Assert.True(BreakerFailure.Counts(Outcome.FromResult(response)));
    }

    [Fact]
    public void Transport_failures_count() =>
        Assert.True(BreakerFailure.Counts(Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused"))));
}
