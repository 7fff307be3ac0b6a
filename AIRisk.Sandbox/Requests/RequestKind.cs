namespace AIRisk.Sandbox;

public enum RequestKind
{
    Authorize,
    Token,
    Api,
    Control,
}
