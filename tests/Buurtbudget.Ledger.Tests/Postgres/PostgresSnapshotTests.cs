using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Ledger.Tests.Postgres;

/// <summary>
/// Snapshots are an unlogged cache: writing one must not push megabytes through the WAL that every later ballot's
/// commit waits for. The price is that a crash empties them, which must cost replay time and nothing else. They are
/// stored as page-sized rows, so PostgreSQL never cuts them into TOAST rows (see PostgresSnapshotPages).
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
            SELECT c.relname::text, c.relpersistence::text FROM pg_class c
            WHERE c.relname IN ('ledger_snapshots', 'ledger_snapshot_pages') ORDER BY c.relname
            """))
        await using (var reader = await table.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("ledger_snapshot_pages", "u"), (reader.GetString(0), reader.GetString(1))); // unlogged
            Assert.True(await reader.ReadAsync());
            Assert.Equal(("ledger_snapshots", "u"), (reader.GetString(0), reader.GetString(1)));
        }

        var head = StreamHead.Empty;
        await using (var dataSource = NpgsqlDataSource.Create(database.AppConnectionString))
        await using (var ledger = new PostgresEventLedger(dataSource))
        {
            head = (await ledger.AppendAsync("box", head, Events.Ballots(1, 2, 3)))[^1].Head;
            var state = TestBytes.Random(1 << 20);
            await ledger.WriteSnapshotAsync(new Snapshot("box", head, state));
            var read = await ledger.ReadSnapshotAsync("box");
            Assert.NotNull(read);
            Assert.Equal(head, read.Head);
            Assert.True(read.State.Span.SequenceEqual(state));
        }

        Assert.Equal(((1 << 20) + SnapshotPages.PageSize - 1) / SnapshotPages.PageSize, await ScalarAsync<long>(superuser, "SELECT count(*) FROM ledger_snapshot_pages"));

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

    [Fact]
    public async Task A_snapshot_is_stored_in_rows_that_fit_a_page_uncompressed_and_a_newer_one_replaces_the_older_rows()
    {
        await using var store = await SnapshotStore.CreateAsync(cluster, "snapshot_pages");
        var (superuser, ledger) = (store.Superuser, store.Ledger);
        // A stream id as long as a real one: PostgreSQL would move it out of line if it could.
        const string box = "neighbourhood/amsterdam-noord-oost-2026";
        var first = (await ledger.AppendAsync(box, StreamHead.Empty, Events.Ballots(1, 2)))[^1].Head;
        var second = (await ledger.AppendAsync(box, first, Events.Ballots(3)))[^1].Head;
        // Not a multiple of the page size, and more than one slice of pages.
        var big = TestBytes.Random(SnapshotPages.PageSize * (PostgresSnapshotPages.PagesPerSlice + 3) + 11);

        await ledger.WriteSnapshotAsync(new Snapshot(box, first, big));

        Assert.Equal("p", await ScalarAsync<string>(superuser, "SELECT attstorage::text FROM pg_attribute WHERE attrelid = 'ledger_snapshot_pages'::regclass AND attname = 'bytes'"));
        Assert.Equal(PostgresSnapshotPages.PagesPerSlice + 4, await ScalarAsync<long>(superuser, "SELECT count(*) FROM ledger_snapshot_pages"));
        Assert.Equal(SnapshotPages.PageSize, await ScalarAsync<int>(superuser, "SELECT max(length(bytes)) FROM ledger_snapshot_pages"));
        // Nothing went out of line: the pages table's TOAST relation stays empty.
        Assert.Equal(0L, await ScalarAsync<long>(superuser, "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'ledger_snapshot_pages'"));
        Assert.True((await ledger.ReadSnapshotAsync(box))!.State.Span.SequenceEqual(big));

        await ledger.WriteSnapshotAsync(new Snapshot(box, second, new byte[] { 1, 2, 3 }));
        await ledger.WriteSnapshotAsync(new Snapshot(box, first, big)); // an older one, late: ignored

        var read = await ledger.ReadSnapshotAsync(box);
        Assert.Equal(second, read!.Head);
        Assert.Equal(new byte[] { 1, 2, 3 }, read.State.ToArray());
        Assert.Equal(1L, await ScalarAsync<long>(superuser, "SELECT count(*) FROM ledger_snapshot_pages"));
    }

    [Fact]
    public async Task A_snapshot_with_a_page_missing_is_ignored_so_activation_replays_instead_and_the_next_one_writes_every_page()
    {
        await using var store = await SnapshotStore.CreateAsync(cluster, "snapshot_torn");
        var (superuser, ledger) = (store.Superuser, store.Ledger);
        var head = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1)))[^1].Head;
        await ledger.WriteSnapshotAsync(new Snapshot("box", head, TestBytes.Random(SnapshotPages.PageSize * 3)));
        Assert.NotNull(await ledger.ReadSnapshotAsync("box"));

        await ScalarAsync<int>(superuser, "WITH gone AS (DELETE FROM ledger_snapshot_pages WHERE ctid = (SELECT min(ctid) FROM ledger_snapshot_pages) RETURNING 1) SELECT count(*)::int FROM gone");

        Assert.Null(await ledger.ReadSnapshotAsync("box"));

        var next = (await ledger.AppendAsync("box", head, Events.Ballots(2)))[^1].Head;
        var state = TestBytes.Random(SnapshotPages.PageSize * 3);
        await ledger.WriteSnapshotAsync(new Snapshot("box", next, state));
        Assert.True((await ledger.ReadSnapshotAsync("box"))!.State.Span.SequenceEqual(state));
    }

    [Fact]
    public async Task The_next_snapshot_writes_only_the_pages_that_changed_and_drops_the_ones_no_snapshot_names()
    {
        await using var store = await SnapshotStore.CreateAsync(cluster, "snapshot_reuse");
        var (superuser, ledger) = (store.Superuser, store.Ledger);
        var first = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1)))[^1].Head;
        var second = (await ledger.AppendAsync("box", first, Events.Ballots(2)))[^1].Head;
        var (before, after) = TestBytes.GrowingSnapshot();

        await ledger.WriteSnapshotAsync(new Snapshot("box", first, before));
        await ledger.WriteSnapshotAsync(new Snapshot("box", second, after));

        // Rows by the transaction that wrote them: pages 1-9 kept from the first snapshot; page 0 (changed), page 10
        // (filled up) and pages 11-13 (new) written by the second; the first's page 0 and short page 10 are gone.
        await using (var rows = superuser.CreateCommand("SELECT count(*) FROM ledger_snapshot_pages GROUP BY xmin::text::bigint ORDER BY xmin::text::bigint"))
        await using (var reader = await rows.ExecuteReaderAsync())
        {
            var counts = new List<long>();
            while (await reader.ReadAsync())
            {
                counts.Add(reader.GetInt64(0));
            }
            Assert.Equal([9L, 5L], counts);
        }
        var read = await ledger.ReadSnapshotAsync("box");
        Assert.Equal(second, read!.Head);
        Assert.True(read.State.Span.SequenceEqual(after));
    }

    /// <summary>A migrated database of its own, a superuser's view of it, and the ledger as the app role sees it.</summary>
    private sealed class SnapshotStore : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _app;

        private SnapshotStore(NpgsqlDataSource superuser, NpgsqlDataSource app)
        {
            Superuser = superuser;
            _app = app;
            Ledger = new PostgresEventLedger(app);
        }

        public NpgsqlDataSource Superuser { get; }

        public PostgresEventLedger Ledger { get; }

        public static async Task<SnapshotStore> CreateAsync(PostgresCluster cluster, string name)
        {
            var database = await cluster.CreateDatabaseAsync(TestDatabases.NewName(name));
            await PostgresLedgerSchema.MigrateAsync(database.OwnerConnectionString, database.AppRoleName);
            return new SnapshotStore(NpgsqlDataSource.Create(database.SuperuserConnectionString), NpgsqlDataSource.Create(database.AppConnectionString));
        }

        public async ValueTask DisposeAsync()
        {
            await Ledger.DisposeAsync();
            await _app.DisposeAsync();
            await Superuser.DisposeAsync();
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
