using AIRisk.Web.Acting.AIRiskSignIn;
using AIRisk.Web.Audit;
using AIRisk.Web.Components;
using AIRisk.Web.Hosting;
using AIRisk.Web.Hosting.Health;
using AIRisk.Web.Hosting.Telemetry;
using AIRisk.Web.StaffSignIn;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The dashboard's request pipeline and endpoints.</summary>
public static class AIRiskWebApplicationExtensions
{
    public static WebApplication UseAIRiskWeb(this WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<StaffSignInOptions>();
        // Without sign-in: a browser on this machine only. With it: behind a TLS-terminating proxy, the client's
        // address and scheme, from the configured proxies only (without sign-in FORWARDED_PROXIES stops the start).
        if (!signIn.IsConfigured)
            app.UseMiddleware<LocalOnlyMiddleware>();
        else if (ForwardedProxies.From(app.Configuration) is { Count: > 0 } proxies)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                forwarded.KnownProxies.Add(proxy);
            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseMiddleware<BrowserCookieMiddleware>();
        if (signIn.IsConfigured)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapStaffSignOut();
        }

        app.UseAntiforgery();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync }).AllowAnonymous();
        app.MapStaticAssets();
        app.MapGet("/callback", CallbackEndpoint.Handle);
        app.MapGet("/audit/export.csv", AuditExportEndpoint.HandleAsync);
        if (app.Services.GetRequiredService<TelemetryOptions>().Prometheus)
            MetricsEndpoint.Map(app, signIn);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
