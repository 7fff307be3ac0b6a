using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace AIRisk.Web.Acting.Sessions;

/// <summary>
/// The tab's session id in <c>sessionStorage</c> (per tab), encrypted and signed with Data Protection, so a script or
/// a person cannot forge or read another session's id from it. A browser that is gone, or a value that does not
/// unprotect, reads as no session.
/// </summary>
public sealed partial class ProtectedTabSessionStorage(ProtectedSessionStorage storage, ILogger<ProtectedTabSessionStorage> logger) : ITabSessionStorage
{
    private const string Key = "airisk.acting-session";

    public async Task<string?> ReadAsync()
    {
        try
        {
            var result = await storage.GetAsync<string>(Key);
            return result.Success ? result.Value : null;
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or CryptographicException or InvalidOperationException or TaskCanceledException)
        {
            LogUnreadable(e);
            return null;
        }
    }

    public async Task SaveAsync(string? sessionId)
    {
        try
        {
            if (sessionId is null)
                await storage.DeleteAsync(Key);
            else
                await storage.SetAsync(Key, sessionId);
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            // The session itself is on the server; a tab that cannot keep its id only loses resume-on-reload.
            LogUnsaved(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The tab's acting-session id could not be read; not resuming")]
    private partial void LogUnreadable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tab's acting-session id could not be saved; a reload will not resume")]
    private partial void LogUnsaved(Exception exception);
}
