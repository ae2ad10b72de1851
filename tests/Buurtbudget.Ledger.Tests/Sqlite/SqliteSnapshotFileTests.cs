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
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO ledger_snapshots VALUES ('other', 1, zeroblob(32), zeroblob(1000000));";
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
}
