using Buurtbudget.Ledger;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// The same ledger seen as if no snapshot had ever been written: an activation on it replays its stream from the
/// first entry. This times "without snapshots" on exactly the stream the snapshot case reads.
/// </summary>
internal sealed class SnapshotlessLedger(IEventLedger inner) : IEventLedger
{
    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(streamId, expected, entries, cancellationToken);

    public IAsyncEnumerable<LedgerEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(streamId, afterVersion, cancellationToken);

    public Task<StreamHead> ReadHeadAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadHeadAsync(streamId, cancellationToken);

    public Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) => Task.FromResult<Snapshot?>(null);

    public Task WriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
