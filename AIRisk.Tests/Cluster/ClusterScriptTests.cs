using AIRisk.TestSupport;

namespace AIRisk.Tests.Cluster;

/// <summary><c>deploy/cluster.sh</c> on its own, where it refuses before starting anything (no engines needed).</summary>
public sealed class ClusterScriptTests
{
    [Fact]
    public async Task Up_without_staff_sign_in_refuses_at_once_naming_the_missing_settings()
    {
        // Never started: LocalCluster hands cluster.sh no sign-in settings, and clears any this process has.
        var cluster = new LocalCluster();
        try
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.RunAsync("up", TimeSpan.FromSeconds(30)));

            Assert.Contains("exited with 1", refused.Message, StringComparison.Ordinal);
            Assert.Contains(
                "the nodes need staff sign-in; set OPERATOR_OIDC_AUTHORITY, OPERATOR_OIDC_CLIENT_ID, OPERATOR_OIDC_CLIENT_SECRET, OPERATOR_ROLE",
                refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.StopAsync();
        }
    }
}
