namespace AIRisk.Web.Services.Audit;

/// <summary>Where the audit database lives: <c>AIRISK_DATA_DIR</c>, by default <c>data/</c> under the content root.</summary>
public sealed class AuditOptions
{
    public const string DataDirectoryKey = "AIRISK_DATA_DIR";

    public string DataDirectory { get; set; } = "";

    public string DatabasePath => Path.Combine(DataDirectory, "audit.db");
}
