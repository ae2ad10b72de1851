using Buurtbudget.Grains.Journal;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>A neighbourhood's budget cycles, folded from its ledger stream.</summary>
internal sealed class NeighbourhoodState : IJournaledState<NeighbourhoodEvent>
{
    private readonly Dictionary<string, BudgetCycleState> _cycles = new(StringComparer.Ordinal);

    public IEnumerable<BudgetCycleState> Cycles => _cycles.Values;

    public BudgetCycleState? Cycle(string cycleId) => _cycles.GetValueOrDefault(cycleId);

    public void Apply(NeighbourhoodEvent change, LedgerEntry entry)
    {
        switch (change)
        {
            case BudgetCycleCreated created:
                _cycles.Add(created.CycleId, new BudgetCycleState(created.CycleId, created.Title, created.BudgetCents));
                break;
            case VotingOpened opened:
                _cycles[opened.CycleId].Open(opened.Manifest);
                break;
            case VotersEnrolled enrolled:
                _cycles[enrolled.CycleId].Enroll(enrolled.Slots);
                break;
            case BallotCast cast:
                _cycles[cast.CycleId].Record(new StoredBallot(cast.Slot, cast.Request, entry.Version, BallotDigest.FromBytes(entry.Hash.Bytes), cast.Ballot));
                break;
            case VotingClosed closed:
                _cycles[closed.CycleId].Close(entry);
                break;
            case PhaseChanged changed:
                _cycles[changed.CycleId].MoveTo(changed.Phase);
                break;
            default:
                throw new InvalidOperationException($"Unknown neighbourhood event {change.GetType().Name}.");
        }
    }

    public NeighbourhoodSnapshot ToSnapshot() => new([.. _cycles.Values.Select(c => c.ToSnapshot())]);

    public static NeighbourhoodState FromSnapshot(NeighbourhoodSnapshot snapshot)
    {
        var state = new NeighbourhoodState();
        foreach (var cycle in snapshot.Cycles)
        {
            state._cycles.Add(cycle.CycleId, BudgetCycleState.FromSnapshot(cycle));
        }
        return state;
    }
}
