namespace AIRisk.Web.Alerts.Delivery;

/// <summary>
/// One destination alerts go to (<c>webhook</c>, <c>email</c>, and the SIEM streams <c>syslog</c>, <c>otlp</c>, which
/// carry them too), as the Alerts page shows it.
/// </summary>
/// <param name="Name">The stream's name in <c>audit_delivery</c>.</param>
/// <param name="Healthy">Whether its last attempt succeeded (or none has failed since it last delivered).</param>
/// <param name="LastError">Why the last attempt failed; <c>null</c> while healthy.</param>
/// <param name="FailingSince">
/// While failing: when the oldest record it has yet to take was recorded. It has delivered nothing since then, so this
/// is how long the failure has held alerts back at most.
/// </param>
/// <param name="Attempts">Failed attempts in a row; the outbox keeps trying, waiting longer each time (up to 5 min).</param>
/// <param name="NextAttempt">When the outbox tries again.</param>
/// <param name="AlertsWaiting">Alerts recorded but not yet delivered to this destination.</param>
public sealed record AlertDestinationState(
    string Name, bool Healthy, string? LastError, DateTimeOffset? FailingSince, int Attempts, DateTimeOffset? LastAttempt, DateTimeOffset? NextAttempt, int AlertsWaiting);
