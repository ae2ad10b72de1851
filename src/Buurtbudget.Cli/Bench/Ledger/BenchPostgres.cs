using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>The throwaway PostgreSQL the benchmarks run on: loopback only, fsync on, removed when disposed.</summary>
internal static class BenchPostgres
{
    /// <summary>512 MB: more WAL than one benchmark run writes, so none of it waits for a new segment.</summary>
    private const int WalSegments = 32;

    /// <summary>Starts a cluster and creates database <c>bench</c> with the ledger schema migrated into it.</summary>
    public static async Task<(PostgresCluster Cluster, PostgresDatabase Database)> StartAsync(TextWriter progress, string tool)
    {
        progress.WriteLine($"{tool}: starting a throwaway PostgreSQL cluster");
        var cluster = new PostgresCluster();
        try
        {
            await cluster.StartAsync().ConfigureAwait(false);
            int segments = await cluster.RecycleWalSegmentsAsync(WalSegments).ConfigureAwait(false);
            progress.WriteLine($"{tool}: {segments} WAL segments ready for reuse, as on a server that has been running");
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
