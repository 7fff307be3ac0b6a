using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using AIRisk.Core.Configuration;
using Microsoft.Extensions.Options;

namespace AIRisk.Core.Telemetry;

/// <summary>
/// The console's own metrics and traces, both named <see cref="Name"/>. Metric tags are small fixed sets (cache,
/// outcome, kind, call, status class): never a user's name or id, a token or a reason. Spans carry a user only as
/// <see cref="HashUserId"/>. One per process.
/// </summary>
public sealed class ConsoleTelemetry
{
    public const string Name = "AIRisk.Console";

    /// <summary>Spans of a switch: the switch itself, AIRisk's authorize and token calls, the first loads of the workspace.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly byte[] _hashKey;
    private readonly Histogram<double> _switchDuration;
    private readonly Counter<long> _tokenRequests;
    private readonly UpDownCounter<long> _actingSessions;
    private readonly Counter<long> _auditWriteFailures;
    private readonly Histogram<double> _apiDuration;

    public ConsoleTelemetry(IMeterFactory meters, IOptions<AIRiskOptions> options)
    {
        // Keyed with the client secret, as the token cache's keys are: every node hashes a user alike, and whoever
        // reads the traces cannot test a list of user ids against them.
        _hashKey = Encoding.UTF8.GetBytes("span:" + options.Value.ClientSecret);
        var meter = meters.Create(Name);
        _switchDuration = meter.CreateHistogram("airisk.switch.duration", "s",
            "From a switch's start (after any reason prompt, without any wait for approval) until it took effect, failed or was superseded.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _tokenRequests = meter.CreateCounter<long>("airisk.token.requests", "{request}", "OAuth2 flows run against AIRisk for a token.");
        _actingSessions = meter.CreateUpDownCounter<long>("airisk.acting.sessions", "{session}", "Acting sessions in force in this node's tabs.");
        _auditWriteFailures = meter.CreateCounter<long>("airisk.audit.write.failures", "{write}", "Audit or session writes the database refused or could not take.");
        _apiDuration = meter.CreateHistogram("airisk.api.duration", "s", "AIRisk API calls, until the answer's headers.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    /// <param name="elapsed">From the switch's start until it ended.</param>
    /// <param name="cache">Whether the switch's token came from the cache.</param>
    /// <param name="outcome">How it ended.</param>
    public void SwitchEnded(TimeSpan elapsed, SwitchCache cache, SwitchOutcome outcome) =>
        _switchDuration.Record(elapsed.TotalSeconds, new("cache", Tag(cache)), new("outcome", Tag(outcome)));

    public void TokenRequested(bool generic, bool succeeded) =>
        _tokenRequests.Add(1, new("kind", generic ? "generic" : "user"), new("outcome", succeeded ? "succeeded" : "failed"));

    public void ActingSessionStarted() => _actingSessions.Add(1);

    public void ActingSessionEnded() => _actingSessions.Add(-1);

    public void AuditWriteFailed() => _auditWriteFailures.Add(1);

    /// <param name="call">The API operation (<see cref="ApiCalls.Name"/>).</param>
    /// <param name="status">The HTTP status, or <c>null</c> when no answer came (timeout, transport).</param>
    /// <param name="elapsed">Until the answer's headers, or the failure.</param>
    public void ApiCallEnded(string call, int? status, TimeSpan elapsed) =>
        _apiDuration.Record(elapsed.TotalSeconds, new("call", call), new("status_class", status is { } s ? $"{s / 100}xx" : "none"));

    /// <summary>A user id as spans may carry it: an HMAC of it, the same on every node.</summary>
    public string HashUserId(string userId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(userId)).AsSpan(0, 12));

    private static string Tag(SwitchCache cache) => cache switch
    {
        SwitchCache.Hit => "hit",
        SwitchCache.Miss => "miss",
        _ => "none",
    };

    private static string Tag(SwitchOutcome outcome) => outcome switch
    {
        SwitchOutcome.Succeeded => "succeeded",
        SwitchOutcome.Superseded => "superseded",
        SwitchOutcome.Refused => "refused",
        SwitchOutcome.Unaudited => "unaudited",
        _ => "failed",
    };
}
