using AIRisk.Core.Api;
using AIRisk.Web.Users;

namespace AIRisk.Web.Acting.AIRiskSignIn;

/// <summary>
/// Browser mode: the AIRisk sign-in window could not open because nobody clicked for it (a browser blocks a window a
/// page opens by itself). The screen offers a "Sign in to AIRisk" button, whose click lets the window open.
/// </summary>
public sealed class SignInNeedsClickException : AIRiskApiException, IRetryAction
{
    public const string Action = "Sign in to AIRisk";

    string IRetryAction.RetryText => Action;

    public SignInNeedsClickException()
        : base($"AIRisk needs you to sign in: use \"{Action}\" (your browser opens the sign-in window only for a click).")
    {
    }

    public SignInNeedsClickException(string message) : base(message)
    {
    }

    public SignInNeedsClickException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
