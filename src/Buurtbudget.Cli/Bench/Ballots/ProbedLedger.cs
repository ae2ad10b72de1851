using System.Collections.Concurrent;
using Buurtbudget.Ledger;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// A pass-through ledger that stamps the current <see cref="BallotTrace"/> when an append is handed over and when its
/// task completes, and times snapshot writes; everything else goes straight to the real ledger. Only used with
/// <c>bench-ballots --profile</c>.
/// </summary>
internal sealed class ProbedLedger(IEventLedger inner) : IEventLedger
{
    /// <summary>Every snapshot write: start and end (<see cref="BallotTrace.Now"/>) and its size.</summary>
    public ConcurrentQueue<(long Started, long Ended, int Bytes)> SnapshotWrites { get; } = new();

    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(string streamId, StreamHead expected, IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken = default)
    {
        var trace = BallotTrace.Current;
        if (trace is not null)
        {
            trace.Appended = BallotTrace.Now;
        }
        var task = inner.AppendAsync(streamId, expected, entries, cancellationToken);
        if (trace is not null)
        {
            // Synchronous, so it runs right where the ledger completes the task (or on the hop the ledger makes).
            _ = task.ContinueWith(_ => trace.Committed = BallotTrace.Now, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return task;
    }

    public IAsyncEnumerable<LedgerEntry> ReadAsync(string streamId, long afterVersion = 0, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(streamId, afterVersion, cancellationToken);

    public Task<StreamHead> ReadHeadAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadHeadAsync(streamId, cancellationToken);

    public Task<Snapshot?> ReadSnapshotAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.ReadSnapshotAsync(streamId, cancellationToken);

    public async Task WriteSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        long started = BallotTrace.Now;
        try
        {
            await inner.WriteSnapshotAsync(snapshot, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SnapshotWrites.Enqueue((started, BallotTrace.Now, snapshot.State.Length));
        }
    }
}
