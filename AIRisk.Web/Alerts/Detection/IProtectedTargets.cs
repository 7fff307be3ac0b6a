using AIRisk.Core.Api;

namespace AIRisk.Web.Alerts.Detection;

/// <summary>Which users the console's policy protects (<c>PROTECTED_TARGET_ROLE</c>); the policy, in <c>Acting/</c>, answers.</summary>
public interface IProtectedTargets
{
    /// <returns>What makes <paramref name="target"/> protected (<c>a Company Admin</c>), or <c>null</c> when nothing does.</returns>
    string? Protection(AIRiskUser target);
}
