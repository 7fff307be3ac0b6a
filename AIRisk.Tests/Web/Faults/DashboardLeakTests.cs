using AIRisk.Sandbox.Faults;
using AIRisk.Tests.TestSupport;
using AIRisk.Web.Audit;
using Bunit;

namespace AIRisk.Tests.Web.Faults;

/// <summary>After switches that succeed and fail, no issued secret is in the rendered dashboard or the audit trail.</summary>
public sealed class DashboardLeakTests : DashboardTestContext
{
    [Fact]
    public async Task No_secret_reaches_the_rendered_page_or_the_audit_trail()
    {
        var host = Context.Render<DashboardHost>();
        await Acting.SwitchAsync(Sandbox.User(1), ct: Ct);
        Sandbox.State.Faults.FailNext("/api/oauth2/Token", 1, FaultKind.Problem, 500);
        await Acting.SwitchAsync(Sandbox.User(2), ct: Ct);
        Sandbox.State.RevokeAllTokens();
        await Acting.SwitchAsync(Sandbox.User(3), ct: Ct);
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("[data-testid=agent-item]")), TimeSpan.FromSeconds(10));

        var audit = new StringWriter();
        await AuditCsv.WriteAsync(Audit.ExportAsync(new AuditQuery(), Ct), audit, Ct);

        var secrets = Sandbox.State.IssuedSecrets().Append(Sandbox.Options.ClientSecret).ToList();
        Assert.True(secrets.Count >= 6);
        Assert.Contains("Failed", audit.ToString(), StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, host.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, audit.ToString(), StringComparison.Ordinal);
        }
    }
}
