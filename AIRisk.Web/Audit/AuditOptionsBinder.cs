namespace AIRisk.Web.Audit;

/// <summary>
/// Reads the audit database's keys into <see cref="AuditOptions"/>. Paths, the connection string and the password are
/// used exactly as given (none of them is parsed here); a relative data directory is under the content root.
/// </summary>
internal static class AuditOptionsBinder
{
    public static void Bind(IConfiguration configuration, string contentRoot, AuditOptions options)
    {
        options.DataDirectory = configuration[AuditOptions.DataDirectoryKey] is { Length: > 0 } directory
            ? Path.GetFullPath(directory, contentRoot)
            : Path.Combine(contentRoot, "data");
        options.PostgresConnection = configuration[AuditOptions.PostgresConnectionKey];
        options.KeyRingCertificatePath = configuration[KeyRingCertificate.PathKey] is { } path && !string.IsNullOrWhiteSpace(path) ? path : null;
        options.KeyRingCertificatePassword = configuration[KeyRingCertificate.PasswordKey];
        options.AuditorRole = configuration[AuditOptions.AuditorRoleKey] is { } role && !string.IsNullOrWhiteSpace(role) ? role : null;
    }
}
