using AIRisk.Core.Configuration;

namespace AIRisk.Web.Audit.Checkpoints;

/// <summary>Reads the <c>AUDIT_*</c> chain keys; a malformed value is recorded for <see cref="AuditChainOptionsValidator"/>.</summary>
internal static class AuditChainOptionsBinder
{
    public static void Bind(IConfiguration configuration, AuditOptions audit, AuditChainOptions options)
    {
        var values = new ConfigValues(configuration, options.BindingErrors);
        if (values.Text(AuditChainOptions.SigningKeyKey) is { } path)
        {
            options.SigningKeyPath = Path.GetFullPath(path, audit.DataDirectory);
        }
        else
        {
            options.SigningKeyPath = Path.Combine(audit.DataDirectory, AuditChainOptions.DefaultKeyFileName);
            options.SigningKeyIsGenerated = true;
        }

        options.CheckpointInterval = values.Minutes(AuditChainOptions.CheckpointMinutesKey, options.CheckpointInterval, 24 * 60);
        options.CheckpointRecords = values.WholeNumber(AuditChainOptions.CheckpointRecordsKey, options.CheckpointRecords, 1, 1_000_000);
        options.VerifyInterval = values.Minutes(AuditChainOptions.VerifyMinutesKey, options.VerifyInterval, 7 * 24 * 60);
        options.RetentionMonths = values.WholeNumber(AuditChainOptions.RetentionMonthsKey, options.RetentionMonths, AuditChainOptions.MinimumRetentionMonths, 1200);
    }
}
