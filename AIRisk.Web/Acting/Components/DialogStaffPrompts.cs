using AIRisk.Core.Api;
using AIRisk.Web.Acting.Policy;
using MudBlazor;

namespace AIRisk.Web.Acting.Components;

/// <summary>The prompts as MudBlazor dialogs.</summary>
public sealed class DialogStaffPrompts(IDialogService dialogs) : IStaffPrompts
{
    public async Task<ActAsGrounds?> AskGroundsAsync(GroundsQuestion question, CancellationToken ct)
    {
        var dialog = await dialogs.ShowAsync<ReasonDialog>(
            $"Act as {question.Target.DisplayName}",
            new DialogParameters<ReasonDialog> { { d => d.Question, question } },
            new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ActAsGrounds grounds } ? grounds : null;
    }

    public async Task<bool> ConfirmWritesAsync(AIRiskUser target, CancellationToken ct)
    {
        var confirmed = await dialogs.ShowMessageBoxAsync(
            "Write as this user?",
            $"What you send now is sent as {target.DisplayName} and recorded in the audit trail. You will not be asked again until you switch.",
            yesText: $"Write as {target.DisplayName}",
            cancelText: "Cancel");
        return confirmed == true;
    }
}
