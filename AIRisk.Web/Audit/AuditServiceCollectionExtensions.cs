using System.Security.Cryptography.X509Certificates;
using AIRisk.Web.Audit;
using AIRisk.Web.Audit.Chain;
using AIRisk.Web.Audit.Checkpoints;
using AIRisk.Web.Audit.KeyRing;
using AIRisk.Web.Audit.Retention;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the audit database (SQLite, or PostgreSQL with <c>POSTGRES_CONNECTION</c>), the audit trail and the
/// acting-session store on it; the schema is brought up to date at start (and on first use). On PostgreSQL the Data
/// Protection key ring lives there too, under one application name, so every node reads every other's cookies and
/// tab storage.
/// </summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>The Data Protection application name every node shares.</summary>
    public const string ApplicationName = "AIRisk.Console";

    public static IServiceCollection AddAIRiskAudit(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = services.AddFlatOptions<AuditOptions, AuditOptionsValidator>(o => AuditOptionsBinder.Bind(configuration, contentRoot, o));
        // Also a plain service: the audit trail and the migrate command use it without start-up validation.
        services.AddSingleton(options);

        // Pooled: a switch writes several records, and a pooled context skips building its services each time.
        if (options.UsesPostgres)
        {
            services.AddPooledDbContextFactory<PostgresAuditDbContext>(o => o.UseNpgsql(options.PostgresConnection));
            services.AddSingleton<IDbContextFactory<AuditDbContext>, AuditDbContextFactory<PostgresAuditDbContext>>();
            // The key ring reads its context from a scope of its own.
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PostgresAuditDbContext>>().CreateDbContext());
            var keyRing = services.AddDataProtection().SetApplicationName(ApplicationName);
            // Loaded once, here; AuditOptionsValidator reports a certificate that cannot be read (and the app does not start).
            X509Certificate2? certificate = null;
            try
            {
                certificate = KeyRingCertificate.Load(options);
            }
            catch (InvalidOperationException)
            {
                // Left to the validator's message.
            }

            if (certificate is null)
                keyRing.PersistKeysToDbContext<PostgresAuditDbContext>();
            else
                keyRing.AddSignedKeyRing(certificate);
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteAuditDbContext>(o => o.UseSqlite(
                new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = options.DatabasePath, DefaultTimeout = 30, Pooling = true }.ToString()));
            services.AddSingleton<IDbContextFactory<AuditDbContext>, AuditDbContextFactory<SqliteAuditDbContext>>();
        }

        services.AddConsoleTelemetry();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<AIRisk.Web.Audit.Sessions.IActingSessionStore, AIRisk.Web.Audit.Sessions.ActingSessionStore>();
        services.AddHostedService<AuditDatabaseInitializer>();

        // The hash chain's signed checkpoints and its self-verification (README, "Audit chain").
        var chain = services.AddFlatOptions<AuditChainOptions, AuditChainOptionsValidator>(o => AuditChainOptionsBinder.Bind(configuration, options, o));
        services.AddSingleton(chain);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuditSigningKeyProvider>();
        services.AddSingleton<AuditCheckpointSealer>();
        services.AddSingleton<AuditChainStatus>();
        services.AddSingleton<AuditChainMetrics>();
        services.AddSingleton<AuditChainMonitor>();
        services.AddHostedService<AuditCheckpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditChainMonitor>());
        services.AddSingleton<AuditPruner>();
        services.AddHostedService<AuditRetentionService>();

        // The trail streamed off the host (README, "Audit stream").
        services.AddAIRiskAuditStream(configuration);
        return services;
    }

    /// <summary>
    /// The key ring in the table, encrypted with the certificate and signed with it; only what it signed is used, and
    /// a node proves at start that it can use the ring (<see cref="KeyRingProof"/>).
    /// </summary>
    internal static IDataProtectionBuilder AddSignedKeyRing(this IDataProtectionBuilder keyRing, X509Certificate2 certificate)
    {
        var services = keyRing.Services;
        keyRing.ProtectKeysWithCertificate(certificate);
        services.AddSingleton(new KeyRingSignature(certificate));
        services.AddKeyedSingleton<IXmlRepository, EntityFrameworkCoreXmlRepository<PostgresAuditDbContext>>(SignedXmlRepository.StoreKey);
        services.AddSingleton<SignedXmlRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyRingStorageSetup>();
        services.AddSingleton<KeyRingProof>();
        return keyRing;
    }
}
