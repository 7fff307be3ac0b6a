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
    public const string AuditorRoleKey = "OPERATOR_AUDITOR_ROLE";

    public string DataDirectory { get; set; } = "";

    /// <summary>An Npgsql connection string; <c>null</c> for SQLite.</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>A PKCS#12 file with its private key (<see cref="KeyRingCertificate.PathKey"/>); <c>null</c> when none is set.</summary>
    public string? KeyRingCertificatePath { get; set; }

    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>
    /// With staff sign-in, the role needed to read and export the audit trail; unset, nobody signed in may (only the
    /// local operator of a console without sign-in reads it).
    /// </summary>
    public string? AuditorRole { get; set; }

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnection);

    /// <returns><c>null</c> when <paramref name="staff"/> may read the audit trail, else why not.</returns>
    public string? ReadRefusal(StaffSignIn.StaffMember staff) =>
        staff.IsLocal || (AuditorRole is not null && staff.Roles.Contains(AuditorRole)) ? null
        : $"Reading the audit trail needs the role set in {AuditorRoleKey}" + (AuditorRole is { } role ? $" ('{role}')." : "; it is not configured, so nobody signed in may.");

    public string DatabasePath => Path.Combine(DataDirectory, "audit.db");

    /// <summary>Where the trail is, for logs and health details: never the connection string (it may hold a password).</summary>
    public string Describe() => UsesPostgres ? "PostgreSQL" : DatabasePath;
}
