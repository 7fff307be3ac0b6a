namespace AIRisk.Tests.TestSupport;

/// <summary>
/// Tests that read the process-wide meters and activity sources run on their own: another test's switch in parallel
/// would be recorded by the same listeners.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetrySuite
{
    public const string Name = "Telemetry";
}
