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
    // Each enrolled voter's place in _enrolledInOrder. The indexes are digest maps, not dictionaries: a dictionary
    // that doubles stalls the turn that makes it (see DigestMap).
    private readonly DigestMap<int> _enrolled = new();

    // The same voters in the order they were enrolled, so a snapshot can take them without copying (like the ballots).
    private readonly AppendOnlyList<BallotDigest> _enrolledInOrder = new();

    // Voters are numbered in the order they first voted; the outcome numbers them the same way (BallotBox.ToElection),
    // and so does the share each voter got under equal shares. The indexes hold numbers and positions in
    // _inLedgerOrder, no references, so the garbage collector never scans them.
    private readonly DigestMap<int> _voterBySlot = new();
    private readonly List<int> _currentOfVoter = [];
    private readonly DigestMap<int> _byRequest = new();
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

    /// <summary>Each voter's current ballot, voters in the order they first voted.</summary>
    public IEnumerable<StoredBallot> CurrentBallots => _currentOfVoter.Select(i => _inLedgerOrder[i]);

    public IReadOnlyList<StoredBallot> AllBallots => _inLedgerOrder;

    public bool IsEnrolled(BallotDigest slot) => _enrolled.ContainsKey(slot);

    public StoredBallot? CurrentBallotOf(BallotDigest slot) =>
        _voterBySlot.TryGetValue(slot, out int voter) ? _inLedgerOrder[_currentOfVoter[voter]] : null;

    /// <summary>The voter's number among <see cref="CurrentBallots"/> (from 0), or null if they have not voted.</summary>
    public int? VoterNumberOf(BallotDigest slot) => _voterBySlot.TryGetValue(slot, out int voter) ? voter : null;

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
    }

    private void Enroll(BallotDigest slot)
    {
        if (_enrolled.TryAdd(slot, _enrolledInOrder.Count))
        {
            _enrolledInOrder.Add(slot);
        }
    }

    public void Record(StoredBallot ballot)
    {
        ballot = ballot with { Ballot = Canonical(ballot.Ballot) };
        int position = _inLedgerOrder.Count;
        if (_voterBySlot.TryGetValue(ballot.Slot, out int voter))
        {
            Tally!.Remove(_inLedgerOrder[_currentOfVoter[voter]].Ballot);
            _currentOfVoter[voter] = position;
        }
        else
        {
            _voterBySlot.TryAdd(ballot.Slot, _currentOfVoter.Count);
            _currentOfVoter.Add(position);
        }
        _byRequest.Set(ballot.Request, position);
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
        // Sized once for what the snapshot holds (at most one voter per ballot), so activation rehashes nothing.
        state._enrolled.EnsureCapacity(snapshot.Enrolled.Count);
        state._voterBySlot.EnsureCapacity(snapshot.Ballots.Count);
        state._currentOfVoter.EnsureCapacity(snapshot.Ballots.Count);
        state._byRequest.EnsureCapacity(snapshot.Ballots.Count);
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
