namespace AIRisk.Sandbox.Auth;

/// <summary>What a code or token stands for, and until when.</summary>
internal interface IExpiringGrant
{
    DateTimeOffset ExpiresAt { get; }
}
