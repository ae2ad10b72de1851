using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>
/// Snapshots live in a file of their own next to the ledger (<c>ledger.snapshots.db</c> for <c>ledger.db</c>).
/// SQLite has one write lock per file: a 20 MB snapshot written into the ledger file held that lock for up to
/// 100 ms while every ballot's commit waited behind it. Here the two never wait for each other. A snapshot is a
/// cache, so this file commits without waiting for fsync (WAL, <c>synchronous=NORMAL</c> keeps it consistent, a
/// power cut may lose its last snapshot) and may be deleted at any time: activation then replays the ledger.
/// </summary>
internal sealed class SqliteSnapshotFile(string ledgerPath)
{
    public string Path { get; } = PathFor(ledgerPath);

    public static string PathFor(string ledgerPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(ledgerPath))!,
            System.IO.Path.GetFileNameWithoutExtension(ledgerPath) + ".snapshots.db");

    public void Create()
    {
        using var connection = Open();
        SqliteConnections.Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS ledger_snapshots (
                stream_id TEXT PRIMARY KEY,
                version   INTEGER NOT NULL,
                head_hash BLOB NOT NULL,
                state     BLOB NOT NULL
            ) WITHOUT ROWID;
            """);
    }

    public async Task<Snapshot?> ReadAsync(string streamId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, head_hash, state FROM ledger_snapshots WHERE stream_id = $stream;";
        command.Parameters.AddWithValue("$stream", streamId);
        using var reader = await Unavailable.Wrap(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        return reader.Read()
            ? new Snapshot(streamId, new StreamHead(reader.GetInt64(0), EntryHash.FromBytes((byte[])reader[1])), (byte[])reader[2])
            : null;
    }

    public async Task WriteAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        // A plain upsert that never replaces a newer snapshot.
        command.CommandText = "INSERT INTO ledger_snapshots (stream_id, version, head_hash, state) VALUES ($stream, $version, $hash, $state) "
            + "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, head_hash = excluded.head_hash, state = excluded.state "
            + "WHERE excluded.version > ledger_snapshots.version;";
        command.Parameters.AddWithValue("$stream", snapshot.StreamId);
        command.Parameters.AddWithValue("$version", snapshot.Head.Version);
        command.Parameters.AddWithValue("$hash", snapshot.Head.Hash.Bytes.ToArray());
        command.Parameters.AddWithValue("$state", WholeArray(snapshot.State));
        await Unavailable.Wrap(() => command.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
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
            return SqliteConnections.Open(Path, durable: false);
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"Cannot open the snapshot file '{Path}': {e.Message}", e);
        }
    }

    // A snapshot is usually one whole array already; copying 20 MB to get one would be waste.
    private static byte[] WholeArray(ReadOnlyMemory<byte> state) =>
        MemoryMarshal.TryGetArray(state, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : state.ToArray();
}
