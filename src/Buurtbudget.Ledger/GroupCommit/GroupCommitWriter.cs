using System.Diagnostics;
using System.Runtime.InteropServices;
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
/// <para>One reader in FIFO order means appends to a stream reach the store in the order they were made: a caller may
/// pipeline an append that expects the head of an earlier one still in flight, and if the earlier one fails the
/// later one conflicts instead of forking the chain.</para>
/// <para>The loop runs on its own thread, not on the thread pool, and stores commit synchronously on it. Every
/// ballot waits for this one loop, so it must not wait in the pool's queue behind request work: profiles of the
/// server under load showed each commit cycle stretched by the continuations it queued there (and SQLite's
/// synchronous commit held a pool thread for the whole fsync). A store that returns an unfinished task still
/// works; the thread then blocks on it.</para>
/// </remarks>
public sealed partial class GroupCommitWriter : IAsyncDisposable
{
    public const int DefaultMaxBatchSize = 256;

    private readonly object _gate = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<PendingAppend> _pending = [];
    private bool _completed;

    private readonly IBatchStore _store;
    private readonly ILogger _logger;
    private long _appends;
    private long _commits;
    private long _conflicts;
    private long _failedBatches;
    private long _commitTicks;
    private long _longestCommitTicks;

    public GroupCommitWriter(IBatchStore store, int maxBatchSize = DefaultMaxBatchSize, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _store = store;
        MaxBatchSize = maxBatchSize;
        _logger = logger ?? NullLogger.Instance;
        new Thread(Run) { IsBackground = true, Name = "ledger group commit" }.Start();
    }

    public int MaxBatchSize { get; }

    public LedgerCounters Counters => new(
        Interlocked.Read(ref _appends),
        Interlocked.Read(ref _commits),
        Interlocked.Read(ref _conflicts),
        Interlocked.Read(ref _failedBatches));

    /// <summary>Wall-clock time the loop has spent inside the store's commits: divided by the elapsed time it says how
    /// busy the single writer is (near 1 means batches queue behind it).</summary>
    public TimeSpan TimeInCommits => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _commitTicks));

    /// <summary>The longest single commit since the last call, then starts over (for profiles: a long commit is a stall
    /// every append queued behind it shares).</summary>
    public TimeSpan TakeLongestCommit() => Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref _longestCommitTicks, 0));

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
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            _pending.Add(pending);
            if (_pending.Count == 1)
            {
                // The loop sleeps only when it found nothing, so only the first append after that must wake it.
                Monitor.Pulse(_gate);
            }
        }

        return pending.Task;
    }

    private void Run()
    {
        var taken = new List<PendingAppend>(MaxBatchSize);
        var batch = new List<PendingAppend>(MaxBatchSize);
        while (true)
        {
            lock (_gate)
            {
                while (_pending.Count == 0 && !_completed)
                {
                    Monitor.Wait(_gate);
                }
                if (_pending.Count == 0)
                {
                    break;
                }
                // Swap lists so appenders never wait for a commit, only for this swap.
                (taken, _pending) = (_pending, taken);
            }

            for (int start = 0; start < taken.Count; start += MaxBatchSize)
            {
                batch.AddRange(CollectionsMarshal.AsSpan(taken).Slice(start, Math.Min(MaxBatchSize, taken.Count - start)));
                Commit(batch);
                batch.Clear();
            }
            taken.Clear();
        }
        _stopped.TrySetResult();
    }

    private void Commit(List<PendingAppend> batch)
    {
        Interlocked.Add(ref _appends, batch.Count);
        IReadOnlyList<AppendOutcome> outcomes;
        long started = Stopwatch.GetTimestamp();
        try
        {
            // Never cancelled: once a batch is handed to the store its outcome must be learned, not abandoned.
            outcomes = _store.CommitBatchAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Any store failure must reach the callers as "unavailable", never crash the loop.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Took(Stopwatch.GetTimestamp() - started);
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

        Took(Stopwatch.GetTimestamp() - started);
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

    private void Took(long ticks)
    {
        Interlocked.Add(ref _commitTicks, ticks);
        // Only this loop writes it (the reader only resets it), so a plain compare is enough.
        if (ticks > Interlocked.Read(ref _longestCommitTicks))
        {
            Interlocked.Exchange(ref _longestCommitTicks, ticks);
        }
    }

    /// <summary>Stops taking appends and waits until everything already queued has been committed or failed.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.Pulse(_gate);
        }
        await _stopped.Task.ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A ledger batch of {Count} appends failed; every append in it is reported unavailable")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
