using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Buurtbudget.Ledger.GroupCommit;

/// <summary>
/// Group commit shared by every store: appends queue up, one loop takes everything pending (at most
/// <see cref="MaxBatchSize"/>), hands it to the store as one transaction and completes the callers only after
/// that transaction committed. While one commit waits for its fsync the next batch fills, so the cost of a
/// durable commit is shared by everyone who arrived meanwhile.
/// </summary>
/// <remarks>
/// One reader in FIFO order means appends to a stream reach the store in the order they were made: a caller may
/// pipeline an append that expects the head of an earlier one still in flight, and if the earlier one fails the
/// later one conflicts instead of forking the chain.
/// </remarks>
public sealed partial class GroupCommitWriter : IAsyncDisposable
{
    public const int DefaultMaxBatchSize = 256;

    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly IBatchStore _store;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private long _appends;
    private long _commits;
    private long _conflicts;
    private long _failedBatches;

    public GroupCommitWriter(IBatchStore store, int maxBatchSize = DefaultMaxBatchSize, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _store = store;
        MaxBatchSize = maxBatchSize;
        _logger = logger ?? NullLogger.Instance;
        _loop = Task.Run(RunAsync);
    }

    public int MaxBatchSize { get; }

    public LedgerCounters Counters => new(
        Interlocked.Read(ref _appends),
        Interlocked.Read(ref _commits),
        Interlocked.Read(ref _conflicts),
        Interlocked.Read(ref _failedBatches));

    /// <summary>
    /// Queues an append. <paramref name="cancellationToken"/> is honoured only until the append is queued: after
    /// that it may already be part of a commit, and the task reports what really happened.
    /// </summary>
    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(
        string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            throw new ArgumentException("An append needs at least one entry.", nameof(entries));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(expected.Version, nameof(expected));
        cancellationToken.ThrowIfCancellationRequested();

        // An empty stream has exactly one head; anything else can never match, so refuse it without a round trip.
        if (expected.Version == 0 && expected.Hash != EntryHash.Genesis)
        {
            return Task.FromException<IReadOnlyList<LedgerEntry>>(new LedgerConflictException(streamId, expected));
        }

        var pending = new PendingAppend(streamId, expected, ChainHash.Chain(streamId, expected, entries));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);

        return pending.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(MaxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatchSize && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await CommitAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch)
    {
        Interlocked.Add(ref _appends, batch.Count);
        IReadOnlyList<AppendOutcome> outcomes;
        try
        {
            // Never cancelled: once a batch is handed to the store its outcome must be learned, not abandoned.
            outcomes = await _store.CommitBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any store failure must reach the callers as "unavailable", never crash the loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failedBatches);
            LogBatchFailed(_logger, batch.Count, e);
            var unavailable = new LedgerUnavailableException(
                "The ledger could not confirm the commit; the entries may or may not be stored.", e);
            foreach (var pending in batch)
            {
                pending.Fail(unavailable);
            }

            return;
        }

        Interlocked.Increment(ref _commits);
        for (int i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] == AppendOutcome.Conflict)
            {
                Interlocked.Increment(ref _conflicts);
            }

            batch[i].Complete(outcomes[i]);
        }
    }

    /// <summary>Stops taking appends and waits until everything already queued has been committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A ledger batch of {Count} appends failed; every append in it is reported unavailable")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
