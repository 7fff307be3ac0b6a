using Microsoft.AspNetCore.Components;

namespace AIRisk.Web.Components.Layout;

/// <summary>
/// On a narrow screen the users table is a panel opened from the app bar; the layout owns whether it is open and
/// cascades this, so the console page can show it and close it after a switch.
/// </summary>
public sealed record UsersPanel(bool IsOpen, EventCallback Close);
