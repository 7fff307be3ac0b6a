namespace AIRisk.Web.Users;

/// <summary>
/// A failure that trying again mends only through a particular action, which the retry button names (browser mode's
/// sign-in, whose window opens only for a click). Acting's sign-in implements it: Users may not use Acting.
/// </summary>
public interface IRetryAction
{
    /// <summary>The retry button's label.</summary>
    string RetryText { get; }
}
