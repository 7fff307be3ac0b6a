namespace AIRisk.Sandbox.Requests;

public enum RequestKind
{
    Authorize,
    Token,
    Api,
    Control,
}
