namespace AIRisk.Core.Auth;

/// <summary>What the authorize step's redirect carried. Its values are secrets: it does not print them.</summary>
public sealed record AuthorizeRedirect(string? Code, string? State, string? Error)
{
    public override string ToString() => $"AuthorizeRedirect {{ HasCode = {Code is not null}, Error = {Error} }}";
}
