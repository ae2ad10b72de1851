using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>
/// The same-run baselines every durable-write benchmark is read against: one INSERT + COMMIT per entry (SQLite with
/// one writer, PostgreSQL with one connection per writer) and pgbench with a one-row insert script. Shared by
/// <c>bench-ledger</c> and <c>bench-ballots</c> so both compare against exactly the same thing.
/// </summary>
/// <param name="tool">The command's name, to prefix progress lines.</param>
internal sealed class Baselines(TimeSpan perCase, long maxOperations, TextWriter progress, string tool)
{
    public async Task<LedgerBenchResult> SqliteInsertPerCommitAsync(TempDirectory folder)
    {
        using var connection = new SqliteConnection($"Data Source={folder.File("naive.db")};Pooling=False");
        connection.Open();
        // SQLite has one writer at a time, so the naive baseline is one writer.
        var naive = await MeasureAsync("SQLite: one INSERT + COMMIT per entry", 1, Workloads.SqliteInsertPerCommit(connection)).ConfigureAwait(false);
        return Result("one INSERT + COMMIT per entry", "SQLite", 1, naive, null);
    }

    /// <summary>One INSERT + COMMIT per entry on <paramref name="writers"/> connections, then pgbench (if installed).</summary>
    public async Task<IReadOnlyList<LedgerBenchResult>> PostgresAsync(PostgresDatabase database, int writers, TempDirectory folder)
    {
        var results = new List<LedgerBenchResult>();
        await ExecuteAsync(database.OwnerConnectionString,
            $"CREATE TABLE {Workloads.PostgresNaiveTable} (writer integer, seq bigint, payload bytea NOT NULL, PRIMARY KEY (writer, seq));"
            + $"CREATE TABLE {Pgbench.Table} (id bigserial PRIMARY KEY, payload bytea NOT NULL);").ConfigureAwait(false);

        var naiveSource = new NpgsqlDataSourceBuilder(database.OwnerConnectionString + $";Maximum Pool Size={writers + 2}").Build();
        await using (naiveSource.ConfigureAwait(false))
        {
            var opened = new List<NpgsqlConnection>();
            var naive = await MeasureAsync("PostgreSQL: one INSERT + COMMIT per entry", writers, Workloads.PostgresInsertPerCommit(naiveSource, opened)).ConfigureAwait(false);
            results.Add(Result("one INSERT + COMMIT per entry", "PostgreSQL", writers, naive, null));
            foreach (var connection in opened)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            naiveSource.Clear();
        }

        if (Pgbench.Locate(PostgresBinaries.Directory) is { } pgbench)
        {
            progress.WriteLine($"{tool}: pgbench, one-row INSERT per transaction, {writers} clients, {Seconds} s");
            try
            {
                results.Add(await Pgbench.RunAsync(pgbench, database.OwnerConnectionString, writers, Seconds, folder.Path).ConfigureAwait(false));
            }
            catch (InvalidOperationException e)
            {
                progress.WriteLine($"{tool}: the pgbench baseline is skipped: {e.Message}");
            }
        }
        else
        {
            progress.WriteLine($"{tool}: pgbench not found next to PostgreSQL's binaries; that baseline is skipped");
        }

        return results;
    }

    /// <summary>pgbench takes whole seconds.</summary>
    private int Seconds => Math.Max(1, (int)Math.Round(perCase.TotalSeconds));

    /// <summary>One closed-loop case within this run's bounds, announced on the progress writer.</summary>
    public async Task<ClosedLoop.Outcome> MeasureAsync(string label, int callers, Func<int, Func<Task>> step)
    {
        progress.WriteLine($"{tool}: {label}, {callers} writers, {perCase.TotalSeconds:0.#} s or {maxOperations} operations");
        return await ClosedLoop.RunAsync(callers, perCase, maxOperations, step).ConfigureAwait(false);
    }

    public static LedgerBenchResult Result(string name, string store, int callers, ClosedLoop.Outcome outcome, long? commits) =>
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
