namespace AIRisk.Sandbox;

internal enum SeedStream
{
    User = 1,
    Company = 2,
    Workspace = 3,
}
