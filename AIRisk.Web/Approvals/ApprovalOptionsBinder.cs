using AIRisk.Core.Configuration;

namespace AIRisk.Web.Approvals;

/// <summary>Reads <see cref="ApprovalKeys"/>; a malformed value is recorded for <see cref="ApprovalOptionsValidator"/>.</summary>
internal static class ApprovalOptionsBinder
{
    private const double MaxMinutes = 24 * 60;

    public static void Bind(IConfiguration configuration, ApprovalOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        options.ApproverRole = values.Text(ApprovalKeys.ApproverRole) ?? options.ApproverRole;
        options.RequestLifetime = values.Minutes(ApprovalKeys.RequestMinutes, options.RequestLifetime, MaxMinutes);
        options.ValidFor = values.Minutes(ApprovalKeys.ValidMinutes, options.ValidFor, MaxMinutes);
        if (values.Text(ApprovalKeys.BreakGlassMinutes) is not null)
            options.BreakGlassAfter = values.Minutes(ApprovalKeys.BreakGlassMinutes, TimeSpan.Zero, MaxMinutes);
    }
}
