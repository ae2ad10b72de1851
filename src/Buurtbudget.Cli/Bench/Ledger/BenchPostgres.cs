using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>The throwaway PostgreSQL the benchmarks run on: loopback only, fsync on, removed when disposed.</summary>
internal static class BenchPostgres
{
    /// <summary>Starts a cluster and creates database <c>bench</c> with the ledger schema migrated into it.</summary>
    public static async Task<(PostgresCluster Cluster, PostgresDatabase Database)> StartAsync(TextWriter progress, string tool)
    {
        progress.WriteLine($"{tool}: starting a throwaway PostgreSQL cluster");
        var cluster = new PostgresCluster();
        try
        {
            await cluster.StartAsync().ConfigureAwait(false);
            var database = await cluster.CreateDatabaseAsync("bench").ConfigureAwait(false);
            await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName).ConfigureAwait(false);
            return (cluster, database);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
