using AIRisk.Web.Services.Acting;
using AIRisk.Web.Services.Identity;
using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Components.Layout;

public sealed partial class SignedInStaff
{
    [Inject]
    private ActingService Acting { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private StaffMember Staff => Acting.Staff;

    // /signout is a server endpoint, not a component route: leave the circuit for it.
    private void SignOut() => Navigation.NavigateTo("/signout", forceLoad: true);
}
