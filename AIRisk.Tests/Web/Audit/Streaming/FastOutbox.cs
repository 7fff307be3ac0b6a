using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Streaming;

namespace AIRisk.Tests.Web.Audit.Streaming;

/// <summary>A node's settings for tests of what the durable outbox delivers: its own trail, and retries and leases in tenths of seconds.</summary>
internal static class FastOutbox
{
    public static Dictionary<string, string?> On(Dictionary<string, string?> settings, string directory)
    {
        settings[AuditOptions.DataDirectoryKey] = directory;
        settings[AuditStreamOptions.RetryMinimumSecondsKey] = "0.1";
        settings[AuditStreamOptions.RetryMaximumSecondsKey] = "0.2";
        settings[AuditStreamOptions.LeaseSecondsKey] = "2";
        return settings;
    }
}
