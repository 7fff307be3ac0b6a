namespace AIRisk.Core.Auth;

/// <summary>The verdict on a <c>state</c> returned with a code.</summary>
public enum StateCheck
{
    Accepted,
    Unknown,
    Expired,
    WrongOwner,
}
