namespace AIRisk.Web.Audit;

/// <summary>
/// <c>dotnet AIRisk.Web.dll --migrate</c>: brings the audit database's schema up to date and exits, for operators
/// who apply schema separately (on PostgreSQL, as the role that owns the tables; the nodes' role may not).
/// </summary>
internal static class AuditMigrateCommand
{
    public const string Switch = "--migrate";

    public static async Task<int> RunAsync(WebApplicationBuilder builder)
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddConsole())
            .AddAIRiskAudit(builder.Configuration, builder.Environment.ContentRootPath);
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<AuditOptions>();
        try
        {
            await provider.GetRequiredService<AuditTrail>().EnsureReadyAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"Audit database schema is up to date ({options.Describe()}).");
            return 0;
        }
        catch (Exception e) when (AuditTrail.IsUnavailable(e))
        {
            await Console.Error.WriteLineAsync($"Could not bring the audit database ({options.Describe()}) up to date: {e.GetBaseException().Message}");
            return 1;
        }
    }
}
