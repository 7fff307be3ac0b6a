namespace AIRisk.Web.StaffSignIn;

/// <summary>What kind of refusal ended a staff member's use of the console (each ends the acting session with its own cause).</summary>
public enum StaffRefusalKind
{
    /// <summary>Signed out, expired, or no longer accepted by the identity provider.</summary>
    SignedOut,

    /// <summary>The identity provider no longer lists the console's staff role.</summary>
    LostRole,

    /// <summary>The tab's connection came back signed in as another staff member or another sign-in.</summary>
    Changed,
}
