using Buurtbudget.Testing;

namespace Buurtbudget.Server.Tests;

/// <summary>One throwaway PostgreSQL cluster for the server tests; each test class gets its own database.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";

    private static int _next;

    public static string NewDatabaseName(string prefix) => $"{prefix}_{Interlocked.Increment(ref _next)}";
}
