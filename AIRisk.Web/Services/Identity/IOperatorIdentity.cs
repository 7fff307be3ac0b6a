namespace AIRisk.Web.Services.Identity;

/// <summary>The staff member using the dashboard. Never changes while they act as someone.</summary>
public interface IOperatorIdentity
{
    string Id { get; }

    string Name { get; }
}
