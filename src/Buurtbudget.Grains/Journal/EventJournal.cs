using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Journal;

/// <summary>
/// A grain's event-sourced state on the ledger, shaped like Orleans' <c>JournaledGrain</c>: decisions read
/// <see cref="Tentative"/> (which already includes appends still on their way to disk, so a reentrant grain can
/// pipeline them into one group commit), while anything shown to people reads <see cref="Confirmed"/>, which
/// only ever contains durably committed events.
/// </summary>
/// <remarks>
/// If an append fails, memory may be ahead of the ledger, so the journal stops accepting appends and asks the
/// runtime to deactivate the grain; the next activation rebuilds both states from the ledger. A failed turn
/// therefore never leaves a trace anyone can observe.
/// </remarks>
public sealed class EventJournal<TState, TEvent>
    where TState : class, IJournaledState<TEvent>
{
    private readonly IEventLedger _ledger;
    private readonly IJournalCodec<TState, TEvent> _codec;
    private readonly IGrainContext _context;
    private readonly Func<TState> _empty;
    private readonly Queue<(TEvent Event, LedgerEntry Entry, Task Commit)> _unconfirmed = new();
    private readonly int _snapshotEvery;
    private long _snapshotVersion;
    private Task _snapshotWrite = Task.CompletedTask;
    private Exception? _failure;

    public EventJournal(IEventLedger ledger, string streamId, IJournalCodec<TState, TEvent> codec, IGrainContext context, Func<TState> empty, int snapshotEvery = 10_000)
    {
        _ledger = ledger;
        StreamId = streamId;
        _codec = codec;
        _context = context;
        _empty = empty;
        _snapshotEvery = snapshotEvery;
        Tentative = empty();
        Confirmed = empty();
    }

    public string StreamId { get; }

    /// <summary>State including appends not yet confirmed durable. Decide with this.</summary>
    public TState Tentative { get; private set; }

    /// <summary>State of durably committed events only. Show this.</summary>
    public TState Confirmed { get; private set; }

    public StreamHead TentativeHead { get; private set; } = StreamHead.Empty;

    public StreamHead ConfirmedHead { get; private set; } = StreamHead.Empty;

    /// <summary>Rebuilds both states from the newest usable snapshot and the entries after it, checking every
    /// entry's link and hash on the way: a grain refuses to activate on a ledger that was tampered with.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _ledger.ReadSnapshotAsync(StreamId, cancellationToken);
        if (snapshot is null || !await TryLoadFromAsync(snapshot, cancellationToken))
        {
            await LoadFromStartAsync(cancellationToken);
        }
    }

    private async Task<bool> TryLoadFromAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        (TState Confirmed, TState Tentative)? states = null;
        var head = snapshot.Head;
        // Re-read the snapshot's own entry: a snapshot counts only while the ledger still agrees with it.
        await foreach (var entry in _ledger.ReadAsync(StreamId, snapshot.Head.Version - 1, cancellationToken))
        {
            if (states is null)
            {
                var recomputed = ChainHash.Compute(StreamId, entry.Version, entry.Kind, entry.Payload.Span, entry.PreviousHash);
                if (entry.Version != snapshot.Head.Version || !entry.Hash.Equals(snapshot.Head.Hash) || !recomputed.Equals(entry.Hash))
                {
                    return false;
                }
                // Two independent copies (the states must never share mutable objects), decoded side by side.
                // A snapshot that cannot be decoded (an older format, say) is ignored like a stale one.
                try
                {
                    var copies = await Task.WhenAll(
                        Task.Run(() => _codec.DecodeState(snapshot.State.Span), cancellationToken),
                        Task.Run(() => _codec.DecodeState(snapshot.State.Span), cancellationToken));
                    states = (copies[0], copies[1]);
                }
                catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException or System.Text.Json.JsonException or FormatException)
                {
                    return false;
                }
                continue;
            }
            head = ApplyChecked(states.Value, head, entry);
        }
        if (states is null)
        {
            return false;
        }
        _snapshotVersion = snapshot.Head.Version;
        Finish(states.Value, head);
        return true;
    }

    private async Task LoadFromStartAsync(CancellationToken cancellationToken)
    {
        var states = (Confirmed: _empty(), Tentative: _empty());
        var head = StreamHead.Empty;
        await foreach (var entry in _ledger.ReadAsync(StreamId, 0, cancellationToken))
        {
            head = ApplyChecked(states, head, entry);
        }
        _snapshotVersion = 0;
        Finish(states, head);
    }

    private StreamHead ApplyChecked((TState Confirmed, TState Tentative) states, StreamHead head, LedgerEntry entry)
    {
        var expected = ChainHash.Compute(StreamId, head.Version + 1, entry.Kind, entry.Payload.Span, head.Hash);
        if (entry.Version != head.Version + 1 || !entry.PreviousHash.Equals(head.Hash) || !entry.Hash.Equals(expected))
        {
            throw new LedgerIntegrityException(StreamId, head.Version + 1);
        }
        var change = _codec.Decode(entry);
        states.Confirmed.Apply(change, entry);
        states.Tentative.Apply(change, entry);
        return entry.Head;
    }

    private void Finish((TState Confirmed, TState Tentative) states, StreamHead head)
    {
        Confirmed = states.Confirmed;
        Tentative = states.Tentative;
        ConfirmedHead = head;
        TentativeHead = head;
    }

    /// <summary>
    /// Reads and applies what other nodes appended to this stream since it was last read here, checking every link
    /// and hash as on activation. Returns how many entries were applied. Does nothing while this activation has
    /// appends of its own in flight (they will conflict and reload it anyway), or when it changed meanwhile.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        var head = ConfirmedHead;
        if (_failure is not null || _unconfirmed.Count > 0 || TentativeHead != head)
        {
            return 0;
        }
        var newer = new List<LedgerEntry>();
        await foreach (var entry in _ledger.ReadAsync(StreamId, head.Version, cancellationToken))
        {
            newer.Add(entry);
        }
        // The read awaited; in a reentrant grain another call may have appended meanwhile. Apply only onto the
        // state the entries were read for, in one step, so no call ever sees half of them.
        if (newer.Count == 0 || _failure is not null || _unconfirmed.Count > 0 || ConfirmedHead != head || TentativeHead != head)
        {
            return 0;
        }
        foreach (var entry in newer)
        {
            head = ApplyChecked((Confirmed, Tentative), head, entry);
        }
        ConfirmedHead = head;
        TentativeHead = head;
        return newer.Count;
    }

    /// <summary>
    /// Applies <paramref name="events"/> to <see cref="Tentative"/> now and appends them to the ledger. The task
    /// completes once they are durable (and applied to <see cref="Confirmed"/>); only then may they be
    /// acknowledged. Call it from a turn, after every check has passed.
    /// </summary>
    public Task<IReadOnlyList<LedgerEntry>> AppendAsync(params IReadOnlyList<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_failure is not null)
        {
            throw new LedgerUnavailableException($"{StreamId} is reloading after a failed write; try again.", _failure);
        }
        var expected = TentativeHead;
        var newEntries = events.Select(_codec.Encode).ToArray();
        var chained = ChainHash.Chain(StreamId, expected, newEntries);
        for (int i = 0; i < events.Count; i++)
        {
            Tentative.Apply(events[i], chained[i]);
        }
        TentativeHead = chained[^1].Head;
        var commit = CommitAsync(expected, newEntries, chained);
        for (int i = 0; i < events.Count; i++)
        {
            _unconfirmed.Enqueue((events[i], chained[i], commit));
        }
        // The commit can finish before the entries above were queued (the ledger was quicker than this thread
        // got to its await); its Confirm then found nothing to apply, so apply them now. Bug_001.
        if (commit.IsCompletedSuccessfully)
        {
            Confirm(chained[^1].Version);
        }
        return commit;
    }

    /// <summary>Completes when the entry at <paramref name="version"/> is durable; fails if its append failed.</summary>
    public Task WhenConfirmedAsync(long version)
    {
        if (version <= ConfirmedHead.Version)
        {
            return Task.CompletedTask;
        }
        foreach (var (_, entry, commit) in _unconfirmed)
        {
            if (entry.Version >= version)
            {
                return commit;
            }
        }
        return _failure is null
            ? throw new ArgumentOutOfRangeException(nameof(version), $"{StreamId} has no entry {version}.")
            : Task.FromException(new LedgerUnavailableException($"{StreamId} is reloading after a failed write; try again.", _failure));
    }

    private async Task<IReadOnlyList<LedgerEntry>> CommitAsync(StreamHead expected, NewEntry[] newEntries, IReadOnlyList<LedgerEntry> chained)
    {
        try
        {
            var committed = await _ledger.AppendAsync(StreamId, expected, newEntries);
            if (!committed[^1].Hash.Equals(chained[^1].Hash))
            {
                throw new LedgerIntegrityException(StreamId, committed[^1].Version);
            }
            Confirm(committed[^1].Version);
            return committed;
        }
        catch (Exception exception)
        {
            _failure ??= exception;
            _context.DeactivateOnIdle();
            throw;
        }
    }

    // Commits of one stream complete in order, but their continuations may be scheduled in any order:
    // confirming everything up to the committed version keeps Confirmed a prefix of the ledger.
    private void Confirm(long version)
    {
        while (_unconfirmed.TryPeek(out var next) && next.Entry.Version <= version)
        {
            _unconfirmed.Dequeue();
            Confirmed.Apply(next.Event, next.Entry);
            ConfirmedHead = next.Entry.Head;
        }
        if (ConfirmedHead.Version - _snapshotVersion >= SnapshotInterval(_snapshotVersion, _snapshotEvery))
        {
            WriteSnapshot();
        }
    }

    /// <summary>
    /// Entries from the snapshot at <paramref name="lastSnapshot"/> to the next: <paramref name="every"/>, or a
    /// quarter of the stream once that is more. A snapshot holds the whole state, so at a fixed interval the bytes
    /// written grow with the square of the stream (in a long storm PostgreSQL spent a fifth of the machine's CPU
    /// storing them); growing the interval with the stream keeps them at about five times the last snapshot, while
    /// activation replays at most a fifth of the stream.
    /// </summary>
    internal static long SnapshotInterval(long lastSnapshot, int every) => Math.Max(every, lastSnapshot / 4);

    /// <summary>Completes when the snapshot being written (if any) is stored; deactivation waits for it.</summary>
    public Task SnapshotWritten => _snapshotWrite;

    /// <summary>Stores the confirmed state as a snapshot in the background; a failed snapshot only costs replay time.</summary>
    public Task WriteSnapshot()
    {
        if (ConfirmedHead.Version == _snapshotVersion)
        {
            return _snapshotWrite;
        }
        var encode = _codec.CaptureState(Confirmed);
        var head = ConfirmedHead;
        _snapshotVersion = head.Version;
        var previous = _snapshotWrite;
        _snapshotWrite = Task.Run(() => WriteSnapshotAsync(previous, head, encode));
        return _snapshotWrite;
    }

    // Runs on the thread pool, not on the grain: it touches only what CaptureState took. Writes queue behind
    // each other, so a snapshot that falls due while the last one is still being stored is written after it.
    private async Task WriteSnapshotAsync(Task previous, StreamHead head, Func<byte[]> encode)
    {
        await Task.WhenAny(previous).ConfigureAwait(false); // its outcome does not matter to this one
        try
        {
            await _ledger.WriteSnapshotAsync(new Snapshot(StreamId, head, encode())).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is LedgerUnavailableException or InvalidOperationException or IOException)
        {
            // A lost snapshot only costs replay time; the next one is taken after another interval.
        }
    }
}
