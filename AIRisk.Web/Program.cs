using AIRisk.Core.Configuration;
using AIRisk.Web.Components;
using AIRisk.Web.Services;

DotEnvLoader.Load();
var builder = WebApplication.CreateBuilder(args);
await using var sandbox = await EmbeddedSandbox.StartIfUnconfiguredAsync(builder);
builder.Services.AddAIRiskWeb(builder.Configuration);

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

return await StartupGuard.RunAsync(app);
