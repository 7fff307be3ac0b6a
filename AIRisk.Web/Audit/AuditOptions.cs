namespace AIRisk.Web.Audit;

/// <summary>
/// Where the audit database lives: PostgreSQL when <c>POSTGRES_CONNECTION</c> is set (several nodes share it), else a
/// SQLite file in <c>AIRISK_DATA_DIR</c> (by default <c>data/</c> under the content root). On PostgreSQL the Data
/// Protection key ring lives there too, encrypted with <see cref="KeyRingCertificate"/>.
/// </summary>
public sealed class AuditOptions
{
    public const string DataDirectoryKey = "AIRISK_DATA_DIR";
    public const string PostgresConnectionKey = "POSTGRES_CONNECTION";

    public string DataDirectory { get; set; } = "";

    /// <summary>An Npgsql connection string; <c>null</c> for SQLite.</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>A PKCS#12 file with its private key (<see cref="KeyRingCertificate.PathKey"/>); <c>null</c> when none is set.</summary>
    public string? KeyRingCertificatePath { get; set; }

    public string? KeyRingCertificatePassword { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnection);

    public string DatabasePath => Path.Combine(DataDirectory, "audit.db");

    /// <summary>Where the trail is, for logs and health details: never the connection string (it may hold a password).</summary>
    public string Describe() => UsesPostgres ? "PostgreSQL" : DatabasePath;
}
