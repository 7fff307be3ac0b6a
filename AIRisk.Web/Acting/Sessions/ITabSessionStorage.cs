namespace AIRisk.Web.Acting.Sessions;

/// <summary>What the browser tab keeps of its acting session: the id alone, encrypted, for this tab only.</summary>
public interface ITabSessionStorage
{
    Task<string?> ReadAsync();

    /// <summary>
    /// Saves <paramref name="sessionId"/>, or forgets it with <c>null</c>. Never fails the caller. The write is sent to
    /// the browser before this returns (the task is its answer), and writes and renders reach the browser in the order
    /// they were sent: a switch need not wait for the answer before it renders, and a later save always wins.
    /// </summary>
    Task SaveAsync(string? sessionId);
}
