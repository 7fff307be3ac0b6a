namespace AIRisk.Sandbox.Requests;

/// <summary>The bearer token a request presented.</summary>
public enum TokenKind
{
    None,
    Generic,
    User,

    /// <summary>Unknown, expired or revoked.</summary>
    Invalid,
}
