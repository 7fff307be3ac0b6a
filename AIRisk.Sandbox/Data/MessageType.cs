namespace AIRisk.Sandbox.Data;

internal enum MessageType
{
    User,
    AI,
    System,
}
