using AIRisk.Core.Api;
using AIRisk.Core.Auth;

namespace AIRisk.Tests.TestSupport;

/// <summary>
/// A whole switch through TokenState's plain operations, as the console's switch drives them (begin, token, apply;
/// given up on failure), for the tests of Core that are about what follows a switch, not about the console's steps.
/// </summary>
internal static class TokenStateSwitching
{
    /// <returns><c>false</c> when a newer switch superseded this one.</returns>
    public static async Task<bool> ActAsAsync(this TokenState state, AIRiskUser user, CancellationToken ct = default)
    {
        using var ticket = await state.BeginSwitchAsync(user, ct);
        try
        {
            return await state.ApplyAsync(ticket, await state.GetTokenAsync(ticket));
        }
        catch (Exception) when (!state.IsCurrent(ticket))
        {
            return false;
        }
        catch (Exception e)
        {
            await state.AbandonAsync(ticket, e.Message);
            throw;
        }
    }

    public static Task StopActingAsync(this TokenState state) => state.ClearAsync();
}
