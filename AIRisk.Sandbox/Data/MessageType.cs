namespace AIRisk.Sandbox;

internal enum MessageType
{
    User,
    AI,
    System,
}
