using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests;

/// <summary>One throwaway PostgreSQL cluster for every PostgreSQL test in this assembly; each test class makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";

    private static int _next;

    public static string NewDatabaseName(string prefix) => $"{prefix}_{Interlocked.Increment(ref _next)}";
}
