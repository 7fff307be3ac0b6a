using AIRisk.Web.Components;
using AIRisk.Web.Services.Auth;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The dashboard's request pipeline and endpoints.</summary>
public static class AIRiskWebApplicationExtensions
{
    public static WebApplication UseAIRiskWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<BrowserCookieMiddleware>();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/callback", CallbackEndpoint.Handle);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
