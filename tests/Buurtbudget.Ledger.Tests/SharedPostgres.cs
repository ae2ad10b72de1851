using Buurtbudget.Testing;

namespace Buurtbudget.Ledger.Tests;

/// <summary>
/// Every PostgreSQL test shares one throwaway cluster (created once per test run). Tests in the collection run
/// one after another, which the crash test needs: it stops the whole cluster.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
