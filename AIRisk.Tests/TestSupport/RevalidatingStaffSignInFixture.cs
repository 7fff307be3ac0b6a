using System.Globalization;
using AIRisk.Web.StaffSignIn;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// <see cref="StaffSignInFixture"/> with sign-ins asked about again every couple of seconds (instead of five minutes),
/// so a role withdrawn at the provider shows within a test, and with Prometheus' <c>/metrics</c> on.
/// </summary>
public sealed class RevalidatingStaffSignInFixture : StaffSignInFixture
{
    public static readonly TimeSpan RevalidateInterval = TimeSpan.FromSeconds(2);

    protected override void Configure(Dictionary<string, string?> environment)
    {
        environment[StaffSignInOptions.RevalidateMinutesKey] = RevalidateInterval.TotalMinutes.ToString(CultureInfo.InvariantCulture);
        environment["METRICS_PROMETHEUS"] = "true";
    }
}
