using System.Runtime.CompilerServices;
using Buurtbudget.Ledger.GroupCommit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Buurtbudget.Ledger.Sqlite;

/// <summary>
/// The embedded default ledger: one SQLite file (WAL, <c>synchronous=FULL</c>) written through group commit.
/// Several processes may open the same file; they take turns for the write lock (busy timeout) and the
/// expected-head check keeps their appends from forking a stream. Snapshots go to a second file
/// (<see cref="SqliteSnapshotFile"/>), so writing one never holds up a commit.
/// </summary>
public sealed class SqliteEventLedger : IEventLedger, IAsyncDisposable
{
    /// <summary>The file name used by <see cref="OpenInDirectory"/>.</summary>
    public const string DefaultFileName = "ledger.db";

    private readonly SqliteBatchStore _store;
    private readonly GroupCommitWriter _writer;
    private readonly SqliteSnapshotFile _snapshots;

    private SqliteEventLedger(string path, SqliteSnapshotFile snapshots, int maxBatchSize, ILogger? logger)
    {
        Path = path;
        _snapshots = snapshots;
        _store = new SqliteBatchStore(path);
        _writer = new GroupCommitWriter(_store, maxBatchSize, logger);
    }

    /// <summary>The ledger file.</summary>
    public string Path { get; }

    /// <summary>The snapshots' file next to it: a cache that may be deleted.</summary>
    public string SnapshotPath => _snapshots.Path;

    public LedgerCounters Counters => _writer.Counters;

    /// <inheritdoc cref="GroupCommitWriter.TimeInCommits"/>
    public TimeSpan TimeInCommits => _writer.TimeInCommits;

    /// <inheritdoc cref="GroupCommitWriter.TakeLongestCommit"/>
    public TimeSpan TakeLongestCommit() => _writer.TakeLongestCommit();

    /// <summary>Opens (creating or upgrading as needed) the ledger file at <paramref name="path"/>.</summary>
    public static SqliteEventLedger Open(string path, int maxBatchSize = GroupCommitWriter.DefaultMaxBatchSize, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var snapshots = new SqliteSnapshotFile(path);
        try
        {
            using var connection = SqliteConnections.Open(path);
            SqliteLedgerSchema.Migrate(connection);
            snapshots.Create();
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"Cannot open the ledger file '{path}': {e.Message}", e);
        }

        return new SqliteEventLedger(path, snapshots, maxBatchSize, logger);
    }

    /// <summary>Opens <see cref="DefaultFileName"/> in <paramref name="dataDirectory"/>, creating the directory.</summary>
    public static SqliteEventLedger OpenInDirectory(string dataDirectory, int maxBatchSize = GroupCommitWriter.DefaultMaxBatchSize, ILogger? logger = null)
    {
        Directory.CreateDirectory(dataDirectory);
        return Open(System.IO.Path.Combine(dataDirectory, DefaultFileName), maxBatchSize, logger);
    }

    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default) =>
        _writer.AppendAsync(streamId, expected, entries, cancellationToken);

    public async IAsyncEnumerable<LedgerEntry> ReadAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, kind, payload, prev_hash, entry_hash FROM ledger_entries "
            + "WHERE stream_id = $stream AND version > $after ORDER BY version;";
        command.Parameters.AddWithValue("$stream", streamId);
        command.Parameters.AddWithValue("$after", afterVersion);
        using var reader = await Unavailable.Wrap(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Unavailable.Wrap(() => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return new LedgerEntry(
                streamId,
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader[2],
                EntryHash.FromBytes((byte[])reader[3]),
                EntryHash.FromBytes((byte[])reader[4]));
        }
    }

    public async Task<StreamHead> ReadHeadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, head_hash FROM ledger_streams WHERE stream_id = $stream;";
        command.Parameters.AddWithValue("$stream", streamId);
        using var reader = await Unavailable.Wrap(() => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        return reader.Read()
            ? new StreamHead(reader.GetInt64(0), EntryHash.FromBytes((byte[])reader[1]))
            : StreamHead.Empty;
    }

    public Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        return _snapshots.ReadAsync(streamId, cancellationToken);
    }

    public Task WriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _snapshots.WriteAsync(snapshot, cancellationToken);
    }

    /// <summary>Reads use their own pooled connections, never the writer loop's.</summary>
    private SqliteConnection OpenConnection()
    {
        try
        {
            return SqliteConnections.Open(Path);
        }
        catch (SqliteException e)
        {
            throw new LedgerUnavailableException($"Cannot open the ledger file '{Path}': {e.Message}", e);
        }
    }

    /// <summary>Finishes every queued append, then releases the file (pooled connections included).</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _store.Dispose();
        using var connection = new SqliteConnection(SqliteConnections.ConnectionString(Path, readOnly: false));
        SqliteConnection.ClearPool(connection);
        _snapshots.ClearPool();
    }
}
