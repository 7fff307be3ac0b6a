using AIRisk.Core.Api;

namespace AIRisk.Web.Acting.Policy;

/// <summary>The questions the dashboard asks staff before sensitive steps (dialogs in the UI, fakes in tests).</summary>
public interface IStaffPrompts
{
    /// <returns>The ticket and reason given, or <c>null</c> when staff cancelled.</returns>
    Task<ActAsGrounds?> AskGroundsAsync(GroundsQuestion question, CancellationToken ct);

    /// <returns><c>true</c> when staff confirmed writing as <paramref name="target"/> for this acting session.</returns>
    Task<bool> ConfirmWritesAsync(AIRiskUser target, CancellationToken ct);
}
