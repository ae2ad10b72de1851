namespace Buurtbudget.Ledger.GroupCommit;

/// <summary>
/// One append waiting for the writer loop: the head it expects and its entries already chained onto that head,
/// so a store only compares and inserts (hashing happens on the caller's thread, in parallel).
/// </summary>
public sealed class PendingAppend
{
    private readonly TaskCompletionSource<IReadOnlyList<LedgerEntry>> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal PendingAppend(string streamId, StreamHead expected, IReadOnlyList<LedgerEntry> entries)
    {
        StreamId = streamId;
        Expected = expected;
        Entries = entries;
    }

    public string StreamId { get; }

    public StreamHead Expected { get; }

    /// <summary>Never empty; versions <c>Expected.Version + 1</c> onwards.</summary>
    public IReadOnlyList<LedgerEntry> Entries { get; }

    /// <summary>The stream's head once this append commits.</summary>
    public StreamHead NewHead => Entries[^1].Head;

    /// <summary>True when the append creates the stream (expects the empty head).</summary>
    public bool CreatesStream => Expected.Version == 0;

    internal Task<IReadOnlyList<LedgerEntry>> Task => _completion.Task;

    internal void Complete(AppendOutcome outcome)
    {
        if (outcome == AppendOutcome.Committed)
        {
            _completion.TrySetResult(Entries);
        }
        else
        {
            _completion.TrySetException(new LedgerConflictException(StreamId, Expected));
        }
    }

    internal void Fail(Exception exception) => _completion.TrySetException(exception);
}
