using System.Text;
using AIRisk.Web.Alerts.Delivery;

namespace AIRisk.Tests.Web.Alerts.Delivery;

public sealed class AlertWebhookSignatureTests
{
    private const string Secret = "whsec_test_secret_0123456789";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"a-1","rule":"fan-out"}""");

    [Fact]
    public void The_header_is_the_time_in_unix_seconds_and_the_hex_HMAC_SHA256_of_time_dot_body_as_openssl_computes_it()
    {
        // printf '%s' '1767225600.{"id":"a-1","rule":"fan-out"}' | openssl dgst -sha256 -hmac 'whsec_test_secret_0123456789' -hex
        var at = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

        var header = AlertWebhookSignature.Header(Secret, at, Body);

        Assert.Equal("t=1767225600,v1=929047785c366b7107d93c04779bec63b1a0bb3137607bc1b0791c1a67dbcc16", header);
    }

    [Fact]
    public void A_receiver_verifies_the_signature_with_the_secret_and_refuses_another_secret_or_body()
    {
        var header = AlertWebhookSignature.Header(Secret, DateTimeOffset.UtcNow, Body);

        Assert.True(AlertWebhookSignature.Verify(Secret, header, Body));
        Assert.False(AlertWebhookSignature.Verify(Secret + "x", header, Body));
        Assert.False(AlertWebhookSignature.Verify(Secret, header, [.. Body, (byte)' ']));
        Assert.False(AlertWebhookSignature.Verify(Secret, "v1=00", Body));
    }
}
