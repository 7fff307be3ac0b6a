namespace AIRisk.Tests.TestSupport;

/// <summary>The cluster tests share one cluster and run on their own: they stop and start its parts.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterSuite : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}
