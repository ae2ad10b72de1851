using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Postgres;

/// <summary>
/// Snapshots are an unlogged cache: writing one must not push megabytes through the WAL that every later ballot's
/// commit waits for. The price is that a crash empties them, which must cost replay time and nothing else.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class PostgresSnapshotTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Snapshots_bypass_the_write_ahead_log_and_a_crash_leaves_the_entries_without_them()
    {
        var database = await cluster.CreateDatabaseAsync(TestDatabases.NewName("snapshots"));
        await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
        await using var superuser = NpgsqlDataSource.Create(database.SuperuserConnectionString);
        await using (var table = superuser.CreateCommand("""
            SELECT c.relpersistence::text, a.attstorage::text FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE c.relname = 'ledger_snapshots' AND a.attname = 'state'
            """))
        await using (var reader = await table.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal("u", reader.GetString(0)); // unlogged
            Assert.Equal("e", reader.GetString(1)); // external: stored out of line, not compressed
        }

        var head = StreamHead.Empty;
        await using (var dataSource = NpgsqlDataSource.Create(database.AppConnectionString))
        await using (var ledger = new PostgresEventLedger(dataSource))
        {
            head = (await ledger.AppendAsync("box", head, Events.Ballots(1, 2, 3)))[^1].Head;
            var state = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 31)).ToArray();
            await ledger.WriteSnapshotAsync(new Snapshot("box", head, state));
            var read = await ledger.ReadSnapshotAsync("box");
            Assert.NotNull(read);
            Assert.Equal(head, read.Head);
            Assert.True(read.State.Span.SequenceEqual(state));
        }

        await cluster.StopImmediateAsync();
        await cluster.StartAgainAsync();
        NpgsqlConnection.ClearAllPools();

        await using (var dataSource = NpgsqlDataSource.Create(database.AppConnectionString))
        await using (var ledger = new PostgresEventLedger(dataSource))
        {
            Assert.Null(await ledger.ReadSnapshotAsync("box"));
            Assert.Equal(head, await ledger.ReadHeadAsync("box"));
            Assert.Equal(3, await ledger.ReadAsync("box").CountAsync());
            head = (await ledger.AppendAsync("box", head, Events.Ballots(4)))[^1].Head;
            await ledger.WriteSnapshotAsync(new Snapshot("box", head, new byte[] { 7 }));
            Assert.Equal(head, (await ledger.ReadSnapshotAsync("box"))!.Head);
        }
    }
}
