using System.Runtime.CompilerServices;
using Buurtbudget.Ledger.GroupCommit;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// The ledger on PostgreSQL, for one or more server nodes sharing a database: group commit as in
/// <see cref="GroupCommitWriter"/> (in a few parallel lanes), each batch one round trip plus COMMIT. Connect it with the application role;
/// the schema owner runs <see cref="PostgresLedgerSchema.MigrateAsync"/> first. A lost connection or a stopped
/// database surfaces as <see cref="LedgerUnavailableException"/>, and the next batch simply opens a new connection.
/// </summary>
public sealed class PostgresEventLedger : IEventLedger, IAsyncDisposable
{
    /// <summary>
    /// One writer loop by default: on the 2-core test machine (cheap fsync, CPU-bound) 1, 2 and 4 lanes measured the
    /// same within noise; more lanes may pay off where each commit waits long for its disk.
    /// </summary>
    public const int DefaultLanes = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitWriter[] _lanes;
    private readonly PostgresBatchStore[] _stores;

    /// <param name="dataSource">Owned by the caller, who disposes it after this ledger.</param>
    /// <param name="lanes">
    /// Independent group-commit writers, each with its own connection; a stream always goes to the same lane, so
    /// its appends keep their order. PostgreSQL flushes the WAL of concurrent commits together, so lanes commit in
    /// parallel instead of queueing behind one another's fsync. Lanes hold disjoint streams and never wait for each
    /// other's row locks.
    /// </param>
    public PostgresEventLedger(NpgsqlDataSource dataSource, int maxBatchSize = GroupCommitWriter.DefaultMaxBatchSize, ILogger? logger = null, int lanes = DefaultLanes)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _dataSource = dataSource;
        _lanes = new GroupCommitWriter[lanes];
        _stores = new PostgresBatchStore[lanes];
        for (int i = 0; i < lanes; i++)
        {
            _stores[i] = new PostgresBatchStore(dataSource);
            _lanes[i] = new GroupCommitWriter(_stores[i], maxBatchSize, logger);
        }
    }

    public LedgerCounters Counters => _lanes.Select(l => l.Counters).Aggregate((a, b) => new LedgerCounters(
        a.Appends + b.Appends, a.Commits + b.Commits, a.Conflicts + b.Conflicts, a.FailedBatches + b.FailedBatches));

    /// <summary>Time the lanes spent inside commits, summed over lanes (see <see cref="GroupCommitWriter.TimeInCommits"/>).</summary>
    public TimeSpan TimeInCommits => _lanes.Aggregate(TimeSpan.Zero, (total, lane) => total + lane.TimeInCommits);

    /// <inheritdoc cref="GroupCommitWriter.TakeLongestCommit"/>
    public TimeSpan TakeLongestCommit() => _lanes.Max(lane => lane.TakeLongestCommit());

    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        // Stable within this process, which is all ordering needs: another node is another writer anyway.
        var lane = (int)((uint)string.GetHashCode(streamId, StringComparison.Ordinal) % (uint)_lanes.Length);
        return _lanes[lane].AppendAsync(streamId, expected, entries, cancellationToken);
    }

    public async IAsyncEnumerable<LedgerEntry> ReadAsync(string streamId, long afterVersion = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await Unavailable.Wrap(_dataSource, () => _dataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT version, kind, payload, prev_hash, entry_hash FROM ledger_entries WHERE stream_id = $1 AND version > $2 ORDER BY version",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
        await using var reader = await Unavailable.Wrap(_dataSource, () => command.ExecuteReaderAsync(cancellationToken)).ConfigureAwait(false);
        while (await Unavailable.Wrap(_dataSource, () => reader.ReadAsync(cancellationToken)).ConfigureAwait(false))
        {
            yield return new LedgerEntry(
                streamId,
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetFieldValue<byte[]>(2),
                EntryHash.FromBytes(reader.GetFieldValue<byte[]>(3)),
                EntryHash.FromBytes(reader.GetFieldValue<byte[]>(4)));
        }
    }

    public async Task<StreamHead> ReadHeadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        return await Unavailable.Wrap(_dataSource, async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT version, head_hash FROM ledger_streams WHERE stream_id = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StreamHead(reader.GetInt64(0), EntryHash.FromBytes(reader.GetFieldValue<byte[]>(1)))
                : StreamHead.Empty;
        }).ConfigureAwait(false);
    }

    public async Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        return await Unavailable.Wrap(_dataSource, async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await PostgresSnapshotPages.ReadAsync(connection, streamId, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public async Task WriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await Unavailable.Wrap(_dataSource, async () =>
        {
            // Snapshots are a cache outside the chain, never replacing a newer one (see PostgresSnapshotPages).
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await PostgresSnapshotPages.WriteAsync(connection, snapshot, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Finishes every queued append. The data source stays open: it belongs to the caller.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            await lane.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var store in _stores)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
