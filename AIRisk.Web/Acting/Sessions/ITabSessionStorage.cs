namespace AIRisk.Web.Acting.Sessions;

/// <summary>What the browser tab keeps of its acting session: the id alone, encrypted, for this tab only.</summary>
public interface ITabSessionStorage
{
    Task<string?> ReadAsync();

    /// <summary>Saves <paramref name="sessionId"/>, or forgets it with <c>null</c>. Never fails the caller.</summary>
    Task SaveAsync(string? sessionId);
}
