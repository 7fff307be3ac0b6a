namespace AIRisk.Tests.TestSupport;

/// <summary>
/// Browser tests share one app and sandbox (a collection fixture) and run on their own, after the parallel tests:
/// timing-sensitive checks (overlapping switches, streaming steps) need the CPU to themselves on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserSuite : ICollectionFixture<BrowserAppFixture>
{
    public const string Name = "Browser";
}
