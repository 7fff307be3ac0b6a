namespace AIRisk.Core.Api;

public enum MessageRole
{
    User,
    AI,
    System,
}
