using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>
/// Measures durable appends with group commit next to naive baselines measured in the same run, on a throwaway
/// PostgreSQL cluster (loopback only, fsync on) and a SQLite file in a temporary folder. Every case is bounded
/// by time and by count.
/// </summary>
internal sealed class LedgerBenchRunner(TimeSpan perCase, int writers, long maxOperations, TextWriter progress)
{
    private readonly Baselines _baselines = new(perCase, maxOperations, progress, "bench-ledger");

    public async Task<IReadOnlyList<LedgerBenchResult>> RunAsync()
    {
        var results = new List<LedgerBenchResult>();
        using var folder = new TempDirectory("buurtbudget-bench-");
        await RunSqliteAsync(folder, results).ConfigureAwait(false);
        await RunPostgresAsync(folder, results).ConfigureAwait(false);
        return results;
    }

    private async Task RunSqliteAsync(TempDirectory folder, List<LedgerBenchResult> results)
    {
        var ledger = SqliteEventLedger.Open(folder.File("ledger.db"));
        await using (ledger.ConfigureAwait(false))
        {
            var outcome = await _baselines.MeasureAsync("SQLite: ledger append, group commit", writers, Workloads.LedgerAppends(ledger)).ConfigureAwait(false);
            results.Add(Baselines.Result("ledger append (group commit)", "SQLite", writers, outcome, ledger.Counters.Commits));
        }

        results.Add(await _baselines.SqliteInsertPerCommitAsync(folder).ConfigureAwait(false));
    }

    private async Task RunPostgresAsync(TempDirectory folder, List<LedgerBenchResult> results)
    {
        var (cluster, database) = await BenchPostgres.StartAsync(progress, "bench-ledger").ConfigureAwait(false);
        await using (cluster.ConfigureAwait(false))
        {
            var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
            await using (dataSource.ConfigureAwait(false))
            {
                var ledger = new PostgresEventLedger(dataSource);
                await using (ledger.ConfigureAwait(false))
                {
                    var outcome = await _baselines.MeasureAsync("PostgreSQL: ledger append, group commit", writers, Workloads.LedgerAppends(ledger)).ConfigureAwait(false);
                    results.Add(Baselines.Result("ledger append (group commit)", "PostgreSQL", writers, outcome, ledger.Counters.Commits));
                }
            }

            results.AddRange(await _baselines.PostgresAsync(database, writers, folder).ConfigureAwait(false));
        }
    }
}
