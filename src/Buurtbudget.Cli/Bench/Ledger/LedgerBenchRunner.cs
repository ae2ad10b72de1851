using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>
/// Measures durable appends with group commit next to naive baselines measured in the same run, on a throwaway
/// PostgreSQL cluster (loopback only, fsync on) and a SQLite file in a temporary folder. Every case is bounded
/// by time and by count.
/// </summary>
internal sealed class LedgerBenchRunner(TimeSpan perCase, int writers, long maxOperations, TextWriter progress)
{
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
            var outcome = await Measure("SQLite: ledger append, group commit", writers, Workloads.LedgerAppends(ledger)).ConfigureAwait(false);
            results.Add(Result("ledger append (group commit)", "SQLite", writers, outcome, ledger.Counters.Commits));
        }

        using var connection = new SqliteConnection($"Data Source={folder.File("naive.db")};Pooling=False");
        connection.Open();
        // SQLite has one writer at a time, so the naive baseline is one writer.
        var naive = await Measure("SQLite: one INSERT + COMMIT per entry", 1, Workloads.SqliteInsertPerCommit(connection)).ConfigureAwait(false);
        results.Add(Result("one INSERT + COMMIT per entry", "SQLite", 1, naive, null));
    }

    private async Task RunPostgresAsync(TempDirectory folder, List<LedgerBenchResult> results)
    {
        progress.WriteLine("bench-ledger: starting a throwaway PostgreSQL cluster");
        var cluster = new PostgresCluster();
        await using (cluster.ConfigureAwait(false))
        {
            await cluster.StartAsync().ConfigureAwait(false);
            var database = await cluster.CreateDatabaseAsync("bench").ConfigureAwait(false);
            await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName).ConfigureAwait(false);
            await ExecuteAsync(database.OwnerConnectionString,
                $"CREATE TABLE {Workloads.PostgresNaiveTable} (writer integer, seq bigint, payload bytea NOT NULL, PRIMARY KEY (writer, seq));"
                + $"CREATE TABLE {Pgbench.Table} (id bigserial PRIMARY KEY, payload bytea NOT NULL);").ConfigureAwait(false);

            var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
            await using (dataSource.ConfigureAwait(false))
            {
                var ledger = new PostgresEventLedger(dataSource);
                await using (ledger.ConfigureAwait(false))
                {
                    var outcome = await Measure("PostgreSQL: ledger append, group commit", writers, Workloads.LedgerAppends(ledger)).ConfigureAwait(false);
                    results.Add(Result("ledger append (group commit)", "PostgreSQL", writers, outcome, ledger.Counters.Commits));
                }
            }

            var naiveSource = new NpgsqlDataSourceBuilder(database.OwnerConnectionString + $";Maximum Pool Size={writers + 2}").Build();
            await using (naiveSource.ConfigureAwait(false))
            {
                var opened = new List<NpgsqlConnection>();
                var naive = await Measure("PostgreSQL: one INSERT + COMMIT per entry", writers, Workloads.PostgresInsertPerCommit(naiveSource, opened)).ConfigureAwait(false);
                results.Add(Result("one INSERT + COMMIT per entry", "PostgreSQL", writers, naive, null));
                foreach (var connection in opened)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }

                naiveSource.Clear();
            }

            if (Pgbench.Locate(PostgresBinaries.Directory) is { } pgbench)
            {
                progress.WriteLine($"bench-ledger: pgbench, one-row INSERT per transaction, {writers} clients, {Seconds} s");
                try
                {
                    results.Add(await Pgbench.RunAsync(pgbench, database.OwnerConnectionString, writers, Seconds, folder.Path).ConfigureAwait(false));
                }
                catch (InvalidOperationException e)
                {
                    progress.WriteLine($"bench-ledger: the pgbench baseline is skipped: {e.Message}");
                }
            }
            else
            {
                progress.WriteLine("bench-ledger: pgbench not found next to PostgreSQL's binaries; that baseline is skipped");
            }
        }
    }

    /// <summary>pgbench takes whole seconds.</summary>
    private int Seconds => Math.Max(1, (int)Math.Round(perCase.TotalSeconds));

    private async Task<ClosedLoop.Outcome> Measure(string label, int callers, Func<int, Func<Task>> step)
    {
        progress.WriteLine($"bench-ledger: {label}, {callers} writers, {perCase.TotalSeconds:0.#} s or {maxOperations} operations");
        return await ClosedLoop.RunAsync(callers, perCase, maxOperations, step).ConfigureAwait(false);
    }

    private static LedgerBenchResult Result(string name, string store, int callers, ClosedLoop.Outcome outcome, long? commits) =>
        new(name, store, callers, outcome.Operations, outcome.Seconds, outcome.P50Ms, outcome.P99Ms, null, commits);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        var connection = new NpgsqlConnection(connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand(sql, connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
