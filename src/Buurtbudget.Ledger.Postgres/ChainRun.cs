using Buurtbudget.Ledger.GroupCommit;

namespace Buurtbudget.Ledger.Postgres;

/// <summary>
/// Consecutive appends of one batch to one stream where each expects the head the one before it leaves (a grain
/// pipelining its ballots): written as ONE statement that moves the head once, from the first one's expected head
/// to the last one's new head.
/// </summary>
/// <remarks>
/// The outcome is the same as one statement per append: if the first one's head check fails, every later one in
/// the run expected a head that was never written, so it would have conflicted too; if it passes, so do the others.
/// One statement instead of dozens is what a busy single neighbourhood needs: the database then parses, plans and
/// locks once per commit, not once per ballot.
/// </remarks>
internal sealed class ChainRun
{
    private readonly List<int> _members = [];
    private readonly List<LedgerEntry> _entries = [];

    private ChainRun(PendingAppend first)
    {
        StreamId = first.StreamId;
        Expected = first.Expected;
    }

    public string StreamId { get; }

    public StreamHead Expected { get; }

    /// <summary>Positions in the batch of the appends this run writes.</summary>
    public IReadOnlyList<int> Members => _members;

    public IReadOnlyList<LedgerEntry> Entries => _entries;

    public StreamHead NewHead => _entries[^1].Head;

    public bool CreatesStream => Expected.Version == 0;

    /// <summary>Splits the batch, taken in stream order (<paramref name="order"/>), into runs.</summary>
    public static List<ChainRun> Of(IReadOnlyList<PendingAppend> batch, IReadOnlyList<int> order)
    {
        var runs = new List<ChainRun>();
        ChainRun? current = null;
        foreach (var i in order)
        {
            var append = batch[i];
            if (current is null || current.StreamId != append.StreamId || current.NewHead != append.Expected)
            {
                current = new ChainRun(append);
                runs.Add(current);
            }
            current._members.Add(i);
            current._entries.AddRange(append.Entries);
        }
        return runs;
    }
}
