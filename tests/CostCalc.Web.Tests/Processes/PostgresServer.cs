using CostCalc.TestSupport;

namespace CostCalc.Web.Tests.Processes;

/// <summary>One throwaway PostgreSQL server for the multi-process tests.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServer : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL processes";
}
