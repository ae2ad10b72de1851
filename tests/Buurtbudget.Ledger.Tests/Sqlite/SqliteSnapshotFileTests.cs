using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Tests.Sqlite;

/// <summary>
/// Snapshots sit in a file of their own: writing one must never make a ballot's commit wait for the ledger file's
/// write lock, and losing the file must cost replay time only.
/// </summary>
public sealed class SqliteSnapshotFileTests
{
    [Fact]
    public async Task An_append_commits_while_a_snapshot_write_holds_the_snapshot_files_lock()
    {
        using var folder = new TempDirectory();
        await using var ledger = SqliteEventLedger.OpenInDirectory(folder.Path);
        Assert.Equal(folder.File("ledger.snapshots.db"), ledger.SnapshotPath);
        var head = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1)))[^1].Head;

        // A snapshot write in progress, frozen halfway: its transaction holds the snapshot file's write lock.
        using (var snapshotWriter = new SqliteConnection($"Data Source={ledger.SnapshotPath};Pooling=False"))
        {
            snapshotWriter.Open();
            using var begin = snapshotWriter.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO snapshot_pages VALUES ('other', zeroblob(32), zeroblob(1000000));";
            begin.ExecuteNonQuery();

            // In the same file this append would wait the busy timeout (10 s) and then fail as unavailable.
            var written = await ledger.AppendAsync("box", head, Events.Ballots(2)).WaitAsync(TimeSpan.FromSeconds(5));
            head = written[^1].Head;
            Assert.Equal(2, head.Version);
        }

        await ledger.WriteSnapshotAsync(new Snapshot("box", head, new byte[] { 1, 2, 3 }));
        Assert.Equal([1, 2, 3], (await ledger.ReadSnapshotAsync("box"))!.State.ToArray());
    }

    [Fact]
    public async Task A_deleted_snapshot_file_is_made_again_and_the_ledger_keeps_every_entry()
    {
        using var folder = new TempDirectory();
        StreamHead head;
        await using (var ledger = SqliteEventLedger.OpenInDirectory(folder.Path))
        {
            head = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1, 2, 3)))[^1].Head;
            await ledger.WriteSnapshotAsync(new Snapshot("box", head, new byte[] { 9 }));
        }

        foreach (var file in Directory.GetFiles(folder.Path, "ledger.snapshots.db*"))
        {
            File.Delete(file);
        }

        await using (var ledger = SqliteEventLedger.OpenInDirectory(folder.Path))
        {
            Assert.Null(await ledger.ReadSnapshotAsync("box"));
            Assert.Equal(head, await ledger.ReadHeadAsync("box"));
            Assert.Equal(3, await ledger.ReadAsync("box").CountAsync());
        }
    }

    [Fact]
    public async Task A_ledger_file_from_before_the_move_drops_its_snapshots_table_and_keeps_its_entries()
    {
        using var folder = new TempDirectory();
        var path = folder.File("ledger.db");
        StreamHead head;
        await using (var ledger = SqliteEventLedger.Open(path))
        {
            head = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1, 2)))[^1].Head;
        }

        // Make the file look like schema version 1: snapshots inside it, migration 2 not yet applied.
        using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var downgrade = old.CreateCommand();
            downgrade.CommandText = """
                CREATE TABLE ledger_snapshots (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL, head_hash BLOB NOT NULL, state BLOB NOT NULL) WITHOUT ROWID;
                INSERT INTO ledger_snapshots VALUES ('box', 2, zeroblob(32), x'01');
                DELETE FROM schema_migrations WHERE version >= 2;
                """;
            downgrade.ExecuteNonQuery();
        }

        await using (var ledger = SqliteEventLedger.Open(path))
        {
            Assert.Null(await ledger.ReadSnapshotAsync("box"));
            Assert.Equal(head, await ledger.ReadHeadAsync("box"));
            Assert.Equal(3, (await ledger.AppendAsync("box", head, Events.Ballots(3)))[^1].Version);
        }

        using var check = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_snapshots';";
        Assert.Equal(0L, (long)tables.ExecuteScalar()!);
    }

    [Fact]
    public async Task The_next_snapshot_writes_only_the_pages_that_changed_and_drops_the_ones_no_snapshot_names()
    {
        using var folder = new TempDirectory();
        await using var ledger = SqliteEventLedger.OpenInDirectory(folder.Path);
        var first = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1)))[^1].Head;
        var second = (await ledger.AppendAsync("box", first, Events.Ballots(2)))[^1].Head;
        var (before, after) = TestBytes.GrowingSnapshot();

        await ledger.WriteSnapshotAsync(new Snapshot("box", first, before));
        long firstRows = PageRows(ledger.SnapshotPath).Max();
        await ledger.WriteSnapshotAsync(new Snapshot("box", second, after));

        // Rows by the write that made them (rowids only grow): pages 1-9 kept from the first snapshot; page 0
        // (changed), page 10 (filled up) and pages 11-13 (new) written by the second; the first's page 0 and short
        // page 10 are gone.
        var rows = PageRows(ledger.SnapshotPath);
        Assert.Equal(9, rows.Count(r => r <= firstRows));
        Assert.Equal(5, rows.Count(r => r > firstRows));
        var read = await ledger.ReadSnapshotAsync("box");
        Assert.Equal(second, read!.Head);
        Assert.True(read.State.Span.SequenceEqual(after));
    }

    [Fact]
    public async Task A_snapshot_with_a_page_missing_is_ignored_and_pages_left_by_a_write_that_stopped_halfway_go_with_the_next()
    {
        using var folder = new TempDirectory();
        await using var ledger = SqliteEventLedger.OpenInDirectory(folder.Path);
        var first = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1)))[^1].Head;
        var second = (await ledger.AppendAsync("box", first, Events.Ballots(2)))[^1].Head;
        var state = TestBytes.Random(SnapshotPages.PageSize * 19); // more than one slice of 16 pages
        await ledger.WriteSnapshotAsync(new Snapshot("box", first, state));

        Execute(ledger.SnapshotPath, "DELETE FROM snapshot_pages WHERE rowid = (SELECT min(rowid) FROM snapshot_pages);");
        Assert.Null(await ledger.ReadSnapshotAsync("box"));

        // A page of a write that never got as far as its list.
        Execute(ledger.SnapshotPath, "INSERT INTO snapshot_pages VALUES ('box', zeroblob(32), x'0102');");
        await ledger.WriteSnapshotAsync(new Snapshot("box", second, state));

        Assert.True((await ledger.ReadSnapshotAsync("box"))!.State.Span.SequenceEqual(state));
        Assert.Equal(SnapshotPages.Of(state).Count, PageRows(ledger.SnapshotPath).Count);
    }

    [Fact]
    public async Task A_snapshot_file_from_before_pages_is_made_anew_and_the_ledger_replays_once()
    {
        using var folder = new TempDirectory();
        var path = folder.File("ledger.db");
        StreamHead head;
        await using (var ledger = SqliteEventLedger.Open(path))
        {
            head = (await ledger.AppendAsync("box", StreamHead.Empty, Events.Ballots(1, 2)))[^1].Head;
            await ledger.WriteSnapshotAsync(new Snapshot("box", head, new byte[] { 7 }));
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(folder.Path, "ledger.snapshots.db*"))
        {
            File.Delete(file);
        }
        // The snapshot file as version 1 wrote it: one value per stream.
        Execute(folder.File("ledger.snapshots.db"), """
            CREATE TABLE ledger_snapshots (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL, head_hash BLOB NOT NULL, state BLOB NOT NULL) WITHOUT ROWID;
            INSERT INTO ledger_snapshots VALUES ('box', 2, zeroblob(32), x'01');
            """);

        await using (var ledger = SqliteEventLedger.Open(path))
        {
            Assert.Null(await ledger.ReadSnapshotAsync("box"));
            await ledger.WriteSnapshotAsync(new Snapshot("box", head, new byte[] { 8 }));
            Assert.Equal([8], (await ledger.ReadSnapshotAsync("box"))!.State.ToArray());
            Assert.Equal(2, await ledger.ReadAsync("box").CountAsync());
        }
        using var check = new SqliteConnection($"Data Source={folder.File("ledger.snapshots.db")};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_snapshots';";
        Assert.Equal(0L, (long)tables.ExecuteScalar()!);
    }

    private static List<long> PageRows(string snapshotPath)
    {
        using var connection = new SqliteConnection($"Data Source={snapshotPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM snapshot_pages;";
        using var reader = command.ExecuteReader();
        var rows = new List<long>();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }
        return rows;
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
