namespace AIRisk.Web.Services.Identity;

/// <summary>Without staff sign-in, the person at the machine running the dashboard.</summary>
public sealed class LocalOperatorIdentity : IOperatorIdentity
{
    public string Id { get; } = $"local:{Environment.UserName}";

    public string Name { get; } = $"{Environment.UserName} (local operator)";
}
