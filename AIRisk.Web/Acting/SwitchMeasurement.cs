using System.Diagnostics;
using AIRisk.Core.Api;
using AIRisk.Core.Auth;
using AIRisk.Core.Telemetry;

namespace AIRisk.Web.Acting;

/// <summary>
/// One switch as telemetry sees it: the <c>airisk.switch</c> span (current while the switch runs, so AIRisk's
/// authorize and token calls and the workspace's first loads are its children) and its <c>airisk.switch.duration</c>.
/// The user appears only hashed.
/// </summary>
internal sealed class SwitchMeasurement : IDisposable
{
    private readonly ConsoleTelemetry _telemetry;
    private readonly DateTimeOffset _startedAt;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Activity? _span;
    private TimeSpan _untimed;
    private bool _ended;

    public SwitchMeasurement(ConsoleTelemetry telemetry, AIRiskUser user, DateTimeOffset now)
    {
        _telemetry = telemetry;
        _startedAt = now;
        _span = ConsoleTelemetry.Source.StartActivity("airisk.switch");
        _span?.SetTag("airisk.user.hash", telemetry.HashUserId(user.Id));
    }

    /// <summary>Runs <paramref name="wait"/> outside the switch's duration: a wait for staff (a second person) is theirs, not the switch's.</summary>
    public async Task<T> UntimedAsync<T>(Func<Task<T>> wait)
    {
        var from = Stopwatch.GetTimestamp();
        try
        {
            return await wait();
        }
        finally
        {
            _untimed += Stopwatch.GetElapsedTime(from);
        }
    }

    /// <param name="token">The token the switch took effect with; <c>null</c> when it did not.</param>
    public void End(SwitchOutcome outcome, AccessToken? token = null)
    {
        if (_ended)
            return;
        _ended = true;
        // A token received after the switch began came from a flow this switch ran (or joined): a cache miss.
        var cache = token is null ? SwitchCache.None : token.IssuedAt >= _startedAt ? SwitchCache.Miss : SwitchCache.Hit;
        _telemetry.SwitchEnded(Stopwatch.GetElapsedTime(_started) - _untimed, cache, outcome);
        if (_span is null)
            return;
        _span.SetTag("airisk.cache", cache.ToString().ToLowerInvariant());
        _span.SetTag("airisk.outcome", outcome.ToString().ToLowerInvariant());
        if (outcome is SwitchOutcome.Failed or SwitchOutcome.Unaudited)
            _span.SetStatus(ActivityStatusCode.Error);
    }

    public void Dispose()
    {
        End(SwitchOutcome.Failed);
        _span?.Dispose();
    }
}
