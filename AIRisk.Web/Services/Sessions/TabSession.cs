namespace AIRisk.Web.Services.Sessions;

/// <summary>
/// The id of this tab's acting session while one is in force: the one place it is kept. <see cref="Acting.ActingService"/>
/// sets it; every audit record written for the tab is stamped with it unless the record names its own session. One
/// per circuit.
/// </summary>
public sealed class TabSession
{
    public string? Id { get; internal set; }
}
