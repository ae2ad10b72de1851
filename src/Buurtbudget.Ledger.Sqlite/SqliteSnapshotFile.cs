using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>
/// Snapshots live in a file of their own next to the ledger (<c>ledger.snapshots.db</c> for <c>ledger.db</c>).
/// SQLite has one write lock per file: a 20 MB snapshot written into the ledger file held that lock for up to
/// 100 ms while every ballot's commit waited behind it. Here the two never wait for each other. A snapshot is a
/// cache, so this file may be deleted at any time: activation then replays the ledger.
/// </summary>
/// <remarks>
/// <para>A snapshot is kept as <see cref="SnapshotPages"/>: pages by hash, and per stream the list of its pages, so
/// the next snapshot of a neighbourhood writes the few pages that changed instead of all of it.</para>
/// <para>The bytes reach the disk a little at a time: pages go in slices of <see cref="PagesPerSlice"/>, each a
/// commit that waits for its fsync, and the write-ahead log is copied into the file every
/// <see cref="CheckpointPages"/> pages. Written whole without an fsync, 19 MB sat in the page cache until a checkpoint
/// flushed it in one go, and the ledger's own fsync on the same disk waited behind that: in one run every ballot of the
/// slowest 1 % was in the ledger while a snapshot was written (half-load p99 42 ms, docs/performance.md, session 10).</para>
/// <para>Pages are written before the list that names them and never change, so a reader sees the previous snapshot
/// or the whole new one. Pages no list names (an older snapshot's, or a write that stopped halfway) are deleted with
/// the next list.</para>
/// </remarks>
internal sealed class SqliteSnapshotFile(string ledgerPath)
{
    /// <summary>Pages per commit: 112 kB.</summary>
    public const int PagesPerSlice = 16;

    /// <summary>SQLite pages (4 kB) of write-ahead log after which it is copied into the file (SQLite's default 1,000).</summary>
    private const int CheckpointPages = 64;

    /// <summary>Snapshots as pages since version 2; version 1 held each snapshot as one value.</summary>
    private const int SchemaVersion = 2;

    public string Path { get; } = PathFor(ledgerPath);

    public static string PathFor(string ledgerPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(ledgerPath))!,
            System.IO.Path.GetFileNameWithoutExtension(ledgerPath) + ".snapshots.db");

    public void Create()
    {
        using var connection = Open();
        SqliteConnections.Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        if (Scalar<long>(connection, "PRAGMA user_version;") < SchemaVersion)
        {
            // A cache: the old snapshots are dropped rather than converted, and activation replays once.
            SqliteConnections.Execute(connection, $"""
                DROP TABLE IF EXISTS ledger_snapshots;
                CREATE TABLE IF NOT EXISTS snapshot_pages (
                    stream_id TEXT NOT NULL,
                    hash      BLOB NOT NULL,
                    bytes     BLOB NOT NULL,
                    PRIMARY KEY (stream_id, hash)
                );
                CREATE TABLE IF NOT EXISTS snapshots (
                    stream_id TEXT PRIMARY KEY,
                    version   INTEGER NOT NULL,
                    head_hash BLOB NOT NULL,
                    length    INTEGER NOT NULL,
                    pages     BLOB NOT NULL
                ) WITHOUT ROWID;
                PRAGMA user_version = {SchemaVersion};
                """);
        }
        transaction.Commit();
    }

    public async Task<Snapshot?> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        // One read transaction: the list and its pages come from the same state of the file, even while a newer
        // snapshot is written.
        using var transaction = connection.BeginTransaction(deferred: true);
        (StreamHead Head, long Length, byte[] List)? header = null;
        using (var command = Command(connection, "SELECT version, head_hash, length, pages FROM snapshots WHERE stream_id = $stream;", streamId))
        using (var reader = await Unavailable.Wrap(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false))
        {
            if (reader.Read())
            {
                header = (new StreamHead(reader.GetInt64(0), EntryHash.FromBytes((byte[])reader[1])), reader.GetInt64(2), (byte[])reader[3]);
            }
        }
        if (header is not { } found)
        {
            return null;
        }
        var pages = new Dictionary<EntryHash, byte[]>();
        using (var command = Command(connection, "SELECT hash, bytes FROM snapshot_pages WHERE stream_id = $stream;", streamId))
        using (var reader = await Unavailable.Wrap(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false))
        {
            while (reader.Read())
            {
                pages[EntryHash.FromBytes((byte[])reader[0])] = (byte[])reader[1];
            }
        }
        // A page missing or of the wrong size means a broken cache: ignore it, and activation replays instead.
        return SnapshotPages.Assemble(found.Length, found.List, pages) is { } state ? new Snapshot(streamId, found.Head, state) : null;
    }

    public Task WriteAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        var paged = SnapshotPages.Of(snapshot.State);
        try
        {
            using var connection = Open();
            var stored = StoredPages(connection, snapshot.StreamId);
            var missing = Enumerable.Range(0, paged.Count).Where(i => stored.Add(EntryHash.FromBytes(paged.HashOf(i).Span))).ToList();
            foreach (var slice in missing.Chunk(PagesPerSlice))
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var transaction = connection.BeginTransaction(deferred: false);
                using var insert = Command(connection, "INSERT OR IGNORE INTO snapshot_pages (stream_id, hash, bytes) VALUES ($stream, $hash, $bytes);", snapshot.StreamId);
                var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
                var bytes = insert.Parameters.Add("$bytes", SqliteType.Blob);
                foreach (int page in slice)
                {
                    hash.Value = paged.HashOf(page).ToArray();
                    bytes.Value = paged.Page(page).ToArray();
                    insert.ExecuteNonQuery();
                }
                transaction.Commit();
            }

            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                using (var current = Command(connection, "SELECT version FROM snapshots WHERE stream_id = $stream;", snapshot.StreamId))
                {
                    if (current.ExecuteScalar() is long version && version >= snapshot.Head.Version)
                    {
                        return Task.CompletedTask; // never replace a newer snapshot (or write the same one twice)
                    }
                }
                using (var point = Command(connection, """
                    INSERT INTO snapshots (stream_id, version, head_hash, length, pages) VALUES ($stream, $version, $hash, $length, $pages)
                    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash, length = excluded.length, pages = excluded.pages;
                    """, snapshot.StreamId))
                {
                    point.Parameters.AddWithValue("$version", snapshot.Head.Version);
                    point.Parameters.AddWithValue("$hash", snapshot.Head.Hash.Bytes.ToArray());
                    point.Parameters.AddWithValue("$length", paged.Length);
                    point.Parameters.AddWithValue("$pages", paged.List);
                    point.ExecuteNonQuery();
                }
                var listed = SnapshotPages.Hashes(paged.List).ToHashSet();
                using var delete = Command(connection, "DELETE FROM snapshot_pages WHERE stream_id = $stream AND hash = $hash;", snapshot.StreamId);
                var stale = delete.Parameters.Add("$hash", SqliteType.Blob);
                foreach (var hash in StoredPages(connection, snapshot.StreamId).Where(h => !listed.Contains(h)))
                {
                    stale.Value = hash.Bytes.ToArray();
                    delete.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            return Task.CompletedTask;
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"The snapshot file '{Path}' could not be written: {e.Message}", e);
        }
    }

    private static HashSet<EntryHash> StoredPages(SqliteConnection connection, string streamId)
    {
        var stored = new HashSet<EntryHash>();
        using var command = Command(connection, "SELECT hash FROM snapshot_pages WHERE stream_id = $stream;", streamId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            stored.Add(EntryHash.FromBytes((byte[])reader[0]));
        }
        return stored;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string streamId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$stream", streamId);
        return command;
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    public void ClearPool()
    {
        using var connection = new SqliteConnection(SqliteConnections.ConnectionString(Path, readOnly: false));
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        try
        {
            return SqliteConnections.Open(Path, morePragmas: $"PRAGMA wal_autocheckpoint = {CheckpointPages};");
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"Cannot open the snapshot file '{Path}': {e.Message}", e);
        }
    }
}
