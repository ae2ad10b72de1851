namespace Buurtbudget.Ledger;

/// <summary>
/// The grains' storage port: append-only, hash-chained event streams with snapshots.
/// </summary>
/// <remarks>
/// Appends name the head they expect (version and hash). If the stream has moved on, or its head hash differs,
/// the append fails with <see cref="LedgerConflictException"/> and writes nothing: the caller reloads and decides
/// again. The returned task completes only once the entries are durably committed, so a caller may acknowledge
/// them (for example with a ballot receipt) as soon as it completes. Implementations group many concurrent
/// appends, from any streams, into one commit; appends to one stream are applied in the order they were made,
/// so a grain may pipeline an append after one that has not completed yet by expecting its head.
/// </remarks>
public interface IEventLedger
{
    /// <exception cref="LedgerConflictException">The stream's head is not <paramref name="expected"/>; nothing was written.</exception>
    /// <exception cref="LedgerUnavailableException">The store failed; the entries may or may not be committed.</exception>
    Task<IReadOnlyList<LedgerEntry>> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>Committed entries of a stream with a version above <paramref name="afterVersion"/>, in order.</summary>
    IAsyncEnumerable<LedgerEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default);

    /// <summary>The stream's committed head, or <see cref="StreamHead.Empty"/> for a stream with no entries.</summary>
    Task<StreamHead> ReadHeadAsync(string streamId, CancellationToken cancellationToken = default);

    Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>Stores a snapshot unless a newer one is already stored.</summary>
    Task WriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default);
}
