using System.Text;
using Buurtbudget.Ledger;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>The steps the closed loop repeats: a ledger append, or the naive baseline of one INSERT + COMMIT.</summary>
internal static class Workloads
{
    /// <summary>A ballot-sized payload (the exact bytes do not matter, their size roughly does).</summary>
    public static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"ballot":{"projects":[1,2,3]}}""");

    /// <summary>Writer <c>w</c> appends one entry at a time to its own stream, waiting for each durable commit.</summary>
    public static Func<int, Func<Task>> LedgerAppends(IEventLedger ledger) => w =>
    {
        var stream = $"bench-{w}";
        var head = StreamHead.Empty;
        var entry = new[] { new NewEntry("BallotCast", Payload) };
        return async () => head = (await ledger.AppendAsync(stream, head, entry).ConfigureAwait(false))[^1].Head;
    };

    public const string PostgresNaiveTable = "bench_naive";

    /// <summary>Writer <c>w</c> has its own connection and commits every INSERT on its own (autocommit).</summary>
    /// <param name="opened">Collects the writers' connections, for the caller to close after the run.</param>
    public static Func<int, Func<Task>> PostgresInsertPerCommit(NpgsqlDataSource dataSource, List<NpgsqlConnection> opened) => w =>
    {
        long sequence = 0;
        NpgsqlCommand? command = null;
        return async () =>
        {
            if (command is null)
            {
                var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
                lock (opened)
                {
                    opened.Add(connection);
                }

                command = new NpgsqlCommand($"INSERT INTO {PostgresNaiveTable} (writer, seq, payload) VALUES ($1, $2, $3)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = w });
                command.Parameters.Add(new NpgsqlParameter { Value = 0L });
                command.Parameters.Add(new NpgsqlParameter { Value = Payload });
                await command.PrepareAsync().ConfigureAwait(false);
            }

            command.Parameters[1].Value = ++sequence;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        };
    };

    /// <summary>One connection, one INSERT + COMMIT per entry, WAL and synchronous=FULL like the ledger file.</summary>
    public static Func<int, Func<Task>> SqliteInsertPerCommit(SqliteConnection connection)
    {
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                + "CREATE TABLE bench_naive (seq INTEGER PRIMARY KEY, payload BLOB NOT NULL);";
            setup.ExecuteNonQuery();
        }

        var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bench_naive (seq, payload) VALUES ($seq, $payload);";
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        command.Parameters.AddWithValue("$payload", Payload);
        long next = 0;
        return _ => () =>
        {
            seq.Value = ++next;
            command.ExecuteNonQuery();
            return Task.CompletedTask;
        };
    }
}
