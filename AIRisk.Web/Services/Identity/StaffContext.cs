namespace AIRisk.Web.Services.Identity;

/// <summary>The circuit's staff member: the local operator, or whoever signed in through OpenID Connect.</summary>
public sealed class StaffContext
{
    public StaffMember Current { get; set; } = StaffMember.LocalOperator;
}
