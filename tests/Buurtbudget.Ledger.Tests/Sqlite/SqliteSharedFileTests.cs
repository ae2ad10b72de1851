using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Ledger.Verification;
using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Tests.Sqlite;

/// <summary>Two ledgers on one file (as two processes would be) take turns for the write lock and never fork a stream.</summary>
public sealed class SqliteSharedFileTests
{
    [Fact]
    public async Task Two_ledgers_on_one_file_build_one_linear_chain()
    {
        const int PerLedger = 25;
        using var folder = new TempDirectory();
        var path = folder.File("ledger.db");
        await using (var first = SqliteEventLedger.Open(path))
        await using (var second = SqliteEventLedger.Open(path))
        {
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writers = new[]
            {
                Task.Run(() => AppendUntilAsync(first, 1000, PerLedger, go.Task)),
                Task.Run(() => AppendUntilAsync(second, 2000, PerLedger, go.Task)),
            };
            go.SetResult();
            await Task.WhenAll(writers);
        }

        var rows = SqliteLedgerRows.Read(path);
        Assert.Equal(Enumerable.Range(1, 2 * PerLedger).Select(v => (long)v), rows.Entries.Select(e => e.Version));
        Assert.True(LedgerVerifier.Verify(rows).IsIntact);
    }

    [Fact]
    public async Task Records_the_schema_version_and_durable_settings_in_the_file()
    {
        using var folder = new TempDirectory();
        await using (SqliteEventLedger.OpenInDirectory(folder.Path))
        {
        }

        await using var ledger = SqliteEventLedger.OpenInDirectory(folder.Path);
        using var connection = new SqliteConnection($"Data Source={ledger.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), max(version) FROM schema_migrations; ";
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            Assert.Equal(2L, reader.GetInt64(0));
            Assert.Equal(2L, reader.GetInt64(1));
        }

        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)command.ExecuteScalar()!);
    }

    private static async Task AppendUntilAsync(SqliteEventLedger ledger, int firstBallot, int count, Task go)
    {
        await go;
        for (int done = 0; done < count;)
        {
            var head = await ledger.ReadHeadAsync("ballots");
            try
            {
                await ledger.AppendAsync("ballots", head, Events.Ballots(firstBallot + done));
                done++;
            }
            catch (LedgerConflictException)
            {
                // The other ledger appended first; reload and decide again.
            }
        }
    }
}
