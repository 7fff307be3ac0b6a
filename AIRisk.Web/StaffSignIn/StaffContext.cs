namespace AIRisk.Web.StaffSignIn;

/// <summary>
/// The circuit's staff member: the local operator when no staff sign-in is configured, or whoever signed in through
/// OpenID Connect. With sign-in configured it starts as nobody with no roles (fail closed) until the sign-in is read.
/// </summary>
public sealed class StaffContext(StaffSignInOptions? signIn = null)
{
    public StaffMember Current { get; set; } = signIn?.IsConfigured == true ? StaffMember.Nobody : StaffMember.LocalOperator;
}
