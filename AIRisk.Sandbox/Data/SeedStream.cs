namespace AIRisk.Sandbox.Data;

internal enum SeedStream
{
    User = 1,
    Company = 2,
    Workspace = 3,
}
