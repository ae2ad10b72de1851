using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>A ballot as it stands in the ballot box: the entry that recorded it and what it says.</summary>
public sealed record StoredBallot(string Slot, string Request, long Position, string EntryHash, ImmutableArray<BallotEntry> Ballot);

/// <summary>One budget cycle as folded from its events.</summary>
internal sealed class BudgetCycleState
{
    private readonly HashSet<string> _enrolled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBallot> _currentBySlot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBallot> _byRequest = new(StringComparer.Ordinal);
    private readonly List<StoredBallot> _inLedgerOrder = [];

    public BudgetCycleState(string cycleId, string title, long budgetCents)
    {
        CycleId = cycleId;
        Title = title;
        BudgetCents = budgetCents;
    }

    public string CycleId { get; }
    public string Title { get; }
    public long BudgetCents { get; }
    public CyclePhase Phase { get; private set; } = CyclePhase.Draft;
    public VotingManifest? Manifest { get; private set; }

    /// <summary>The manifest's ballot design and projects, built once when voting opens rather than per ballot.</summary>
    public BallotDesign? Design { get; private set; }

    public ImmutableArray<Project> Projects { get; private set; } = [];
    public string? ManifestHash { get; private set; }
    public CycleTally? Tally { get; private set; }
    public BallotReceipt? Closing { get; private set; }
    public int EnrolledCount => _enrolled.Count;
    public IEnumerable<string> Enrolled => _enrolled;
    public IEnumerable<StoredBallot> CurrentBallots => _currentBySlot.Values;
    public IReadOnlyList<StoredBallot> AllBallots => _inLedgerOrder;

    public bool IsEnrolled(string slot) => _enrolled.Contains(slot);

    public StoredBallot? CurrentBallotOf(string slot) => _currentBySlot.GetValueOrDefault(slot);

    public StoredBallot? BallotForRequest(string request) => _byRequest.GetValueOrDefault(request);

    public void Open(VotingManifest manifest)
    {
        Manifest = manifest;
        ManifestHash = manifest.Hash();
        Design = manifest.Design();
        Projects = manifest.ElectionProjects();
        Tally = new CycleTally(manifest);
        Phase = CyclePhase.Voting;
    }

    public void Enroll(IEnumerable<string> slots) => _enrolled.UnionWith(slots);

    public void Record(StoredBallot ballot)
    {
        if (_currentBySlot.TryGetValue(ballot.Slot, out var replaced))
        {
            Tally!.Remove(replaced.Ballot);
        }
        _currentBySlot[ballot.Slot] = ballot;
        _byRequest[ballot.Request] = ballot;
        _inLedgerOrder.Add(ballot);
        Tally!.Add(ballot.Ballot);
    }

    public void MoveTo(CyclePhase phase) => Phase = phase;

    public void Close(LedgerEntry entry)
    {
        Phase = CyclePhase.Results;
        Closing = new BallotReceipt(entry.StreamId, entry.Version, entry.Hash.ToString());
    }

    /// <summary>For snapshots: the cycle's state as plain data. Only copies references (everything in it is
    /// immutable), so it is cheap enough to take during a turn.</summary>
    public CycleSnapshot ToSnapshot() => new(
        CycleId, Title, BudgetCents, Phase, Manifest, Closing, [.. _enrolled], [.. _inLedgerOrder]);

    public static BudgetCycleState FromSnapshot(CycleSnapshot snapshot)
    {
        var state = new BudgetCycleState(snapshot.CycleId, snapshot.Title, snapshot.BudgetCents);
        if (snapshot.Manifest is not null)
        {
            state.Open(snapshot.Manifest);
        }
        state.Enroll(snapshot.Enrolled);
        // Replaying in ledger order rebuilds which ballot is current for each slot, and the tally with it.
        foreach (var ballot in snapshot.Ballots)
        {
            state.Record(ballot);
        }
        state.Phase = snapshot.Phase;
        state.Closing = snapshot.Closing;
        return state;
    }
}

internal sealed record CycleSnapshot(
    string CycleId,
    string Title,
    long BudgetCents,
    CyclePhase Phase,
    VotingManifest? Manifest,
    BallotReceipt? Closing,
    ImmutableArray<string> Enrolled,
    ImmutableArray<StoredBallot> Ballots);

internal sealed record NeighbourhoodSnapshot(ImmutableArray<CycleSnapshot> Cycles);
