using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.StaffSignIn.Components;

public sealed partial class SignedInStaff
{
    [Inject]
    private StaffContext StaffContext { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private StaffMember Staff => StaffContext.Current;

    // /signout is a server endpoint, not a component route: leave the circuit for it.
    private void SignOut() => Navigation.NavigateTo("/signout", forceLoad: true);
}
