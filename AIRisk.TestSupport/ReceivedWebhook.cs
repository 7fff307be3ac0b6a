using System.Text;

namespace AIRisk.TestSupport;

/// <summary>One request <see cref="WebhookTestReceiver"/> received, and the status it answered.</summary>
public sealed record ReceivedWebhook(string Method, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <returns>The header's value, or <c>null</c>; names in any case.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
