namespace AIRisk.Web.StaffSignIn;

/// <summary>Why the staff member may no longer use the console.</summary>
public sealed record StaffRefusal(StaffRefusalKind Kind, string Why);
