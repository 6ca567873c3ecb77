using CostCalc.TestSupport;

namespace CostCalc.Reports.Tests.Store;

/// <summary>One throwaway PostgreSQL server for every PostgreSQL test of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServer : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
