using AIRisk.Core.Configuration;
using AIRisk.Web.Audit;
using AIRisk.Web.Hosting;

DotEnvLoader.Load();
var builder = WebApplication.CreateBuilder(args);
if (args.Contains(AuditMigrateCommand.Switch))
    return await AuditMigrateCommand.RunAsync(builder);
if (AuditVerifyCommand.Matches(args))
    return await AuditVerifyCommand.RunAsync(builder, args);
await using var sandbox = await EmbeddedSandbox.StartIfUnconfiguredAsync(builder);
builder.Services.AddAIRiskWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseAIRiskWeb();
return await StartupGuard.RunAsync(app);
