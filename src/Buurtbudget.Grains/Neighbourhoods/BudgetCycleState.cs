using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// A ballot as it stands in the ballot box: the entry that recorded it and what it says. A value, stored inline in
/// the box's list, so a ballot adds no objects of its own to the heap beyond what it says.
/// </summary>
public readonly record struct StoredBallot(BallotDigest Slot, BallotDigest Request, long Position, BallotDigest EntryHash, ImmutableArray<BallotEntry> Ballot);

/// <summary>One budget cycle as folded from its events.</summary>
internal sealed class BudgetCycleState
{
    private readonly HashSet<BallotDigest> _enrolled = [];

    // The same voters in the order they were enrolled, so a snapshot can take them without copying (like the ballots).
    private readonly AppendOnlyList<BallotDigest> _enrolledInOrder = new();

    // Both indexes point into _inLedgerOrder: they hold no references, so the garbage collector never scans them.
    private readonly Dictionary<BallotDigest, int> _currentBySlot = [];
    private readonly Dictionary<BallotDigest, int> _byRequest = [];
    private readonly AppendOnlyList<StoredBallot> _inLedgerOrder = new();

    // One instance per distinct ballot line (project and value), shared by every ballot that has it.
    private readonly Dictionary<BallotEntry, BallotEntry> _lines = [];

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
    public IEnumerable<BallotDigest> Enrolled => _enrolled;

    /// <summary>Each voter's current ballot, voters in the order they first voted.</summary>
    public IEnumerable<StoredBallot> CurrentBallots => _currentBySlot.Values.Select(i => _inLedgerOrder[i]);

    public IReadOnlyList<StoredBallot> AllBallots => _inLedgerOrder;

    public bool IsEnrolled(BallotDigest slot) => _enrolled.Contains(slot);

    public StoredBallot? CurrentBallotOf(BallotDigest slot) => _currentBySlot.TryGetValue(slot, out int i) ? _inLedgerOrder[i] : null;

    public StoredBallot? BallotForRequest(BallotDigest request) => _byRequest.TryGetValue(request, out int i) ? _inLedgerOrder[i] : null;

    /// <summary>
    /// The ballot with every line replaced by the instance this box already holds for it (the same array when all
    /// of them are). Ballots repeat a few lines (project and value) endlessly; sharing them keeps a ballot's cost
    /// in memory to its array. The first instance seen is kept, so the tentative and confirmed copies of the box,
    /// which see the same events in the same order, end up sharing the lines and the arrays (both immutable).
    /// </summary>
    public ImmutableArray<BallotEntry> Canonical(ImmutableArray<BallotEntry> ballot)
    {
        BallotEntry[]? copy = null;
        for (int i = 0; i < ballot.Length; i++)
        {
            var line = ballot[i];
            if (!_lines.TryGetValue(line, out var shared))
            {
                _lines.Add(line, shared = line);
            }
            if (!ReferenceEquals(shared, line))
            {
                copy ??= [.. ballot];
                copy[i] = shared;
            }
        }
        return copy is null ? ballot : ImmutableArray.Create(copy);
    }

    public void Open(VotingManifest manifest)
    {
        Manifest = manifest;
        ManifestHash = manifest.Hash();
        Design = manifest.Design();
        Projects = manifest.ElectionProjects();
        Tally = new CycleTally(manifest);
        Phase = CyclePhase.Voting;
    }

    public void Enroll(IEnumerable<BallotDigest> slots)
    {
        foreach (var slot in slots)
        {
            Enroll(slot);
        }
        // Under a census every current ballot belongs to an enrolled voter: size the indexes now, while the census is
        // imported. Revotes beyond the census still grow the request index.
        MakeRoomForBallots(_enrolled.Count);
    }

    /// <summary>A dictionary that doubles rehashes everything inside a ballot's turn: at 36,000 and 75,000 ballots that
    /// took 7-23 ms, once in the tentative and once in the confirmed box, and every ballot queued behind it waited
    /// (docs/performance.md, session 9).</summary>
    private void MakeRoomForBallots(int ballots)
    {
        _currentBySlot.EnsureCapacity(ballots);
        _byRequest.EnsureCapacity(ballots);
    }

    private void Enroll(BallotDigest slot)
    {
        if (_enrolled.Add(slot))
        {
            _enrolledInOrder.Add(slot);
        }
    }

    public void Record(StoredBallot ballot)
    {
        ballot = ballot with { Ballot = Canonical(ballot.Ballot) };
        if (_currentBySlot.TryGetValue(ballot.Slot, out int replaced))
        {
            Tally!.Remove(_inLedgerOrder[replaced].Ballot);
        }
        _currentBySlot[ballot.Slot] = _inLedgerOrder.Count;
        _byRequest[ballot.Request] = _inLedgerOrder.Count;
        _inLedgerOrder.Add(ballot);
        Tally!.Add(ballot.Ballot);
    }

    public void MoveTo(CyclePhase phase) => Phase = phase;

    public void Close(LedgerEntry entry)
    {
        Phase = CyclePhase.Results;
        Closing = new BallotReceipt(entry.StreamId, entry.Version, entry.Hash.ToString());
    }

    /// <summary>For snapshots: the cycle's state as plain data, taken during a turn and read outside it. Voters and
    /// ballots are only ever appended, so it takes them as they stand without copying them (it used to copy ~13 MB
    /// for 100,000 ballots and voters, while every ballot behind the turn waited).</summary>
    public CycleSnapshot ToSnapshot() => new(
        CycleId, Title, BudgetCents, Phase, Manifest, Closing, _enrolledInOrder.Take(), _inLedgerOrder.Take());

    public static BudgetCycleState FromSnapshot(CycleSnapshot snapshot)
    {
        var state = new BudgetCycleState(snapshot.CycleId, snapshot.Title, snapshot.BudgetCents);
        if (snapshot.Manifest is not null)
        {
            state.Open(snapshot.Manifest);
        }
        // Sized once, for the census as when it was imported and for every ballot in the snapshot.
        state._enrolled.EnsureCapacity(snapshot.Enrolled.Count);
        state.MakeRoomForBallots(Math.Max(snapshot.Enrolled.Count, snapshot.Ballots.Count));
        foreach (var slot in snapshot.Enrolled)
        {
            state.Enroll(slot);
        }
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
    AppendOnlyList<BallotDigest>.Prefix Enrolled,
    AppendOnlyList<StoredBallot>.Prefix Ballots);

internal sealed record NeighbourhoodSnapshot(ImmutableArray<CycleSnapshot> Cycles);
