using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.Runtime;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// A neighbourhood's budget cycles and ballot box, event-sourced on its ledger stream.
/// </summary>
/// <remarks>
/// Reentrant so that ballots pipeline: a cast is checked and appended in one turn against the tentative state
/// (which already holds earlier ballots still on their way to disk), then awaits durability while other casts
/// run their turns — that is how many ballots of one neighbourhood share a commit. Every check happens before
/// the append in the same turn, so closing the vote and casting are strictly ordered in the stream: a ballot is
/// either before the <see cref="VotingClosed"/> entry or refused.
/// </remarks>
[Reentrant]
public sealed class NeighbourhoodGrain : INeighbourhoodGrain, IGrainBase
{
    public const string StreamPrefix = "neighbourhood/";

    /// <summary>Entries between snapshots unless the host says otherwise, until a quarter of the stream is more
    /// (<see cref="EventJournal{TState, TEvent}.SnapshotInterval"/>); benchmarks report against this default.</summary>
    public const int DefaultSnapshotEvery = 10_000;

    private readonly IGrainContext _context;
    private readonly BallotSecrecy _secrecy;
    private readonly EventJournal<NeighbourhoodState, NeighbourhoodEvent> _journal;

    // A closed cycle's ballots never change, so its outcome (with every voter's share) is computed once per activation.
    private readonly Dictionary<string, Outcome> _closedOutcomes = new(StringComparer.Ordinal);

    public NeighbourhoodGrain(IGrainContext context, IEventLedger ledger, BallotSecrecy secrecy, int snapshotEvery = DefaultSnapshotEvery)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _secrecy = secrecy;
        _journal = new(ledger, StreamPrefix + context.Key, NeighbourhoodJson.Instance, context, () => new NeighbourhoodState(), snapshotEvery);
    }

    private string NeighbourhoodId => _context.Key;

    public Task OnActivateAsync(CancellationToken cancellationToken) => _journal.LoadAsync(cancellationToken);

    // Snapshots are written as the stream grows (every snapshotEvery entries), not on the way out: a snapshot
    // only saves replay time, and activation trusts entries before it without re-hashing them.
    public Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _journal.SnapshotWritten;

    public async Task<CycleView> CreateBudgetCycleAsync(CreateBudgetCycle command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Require(BudgetIds.IsValid(command.CycleId), CycleProblem.InvalidCommand, $"A cycle id is {BudgetIds.Rule}.");
        Require(!string.IsNullOrWhiteSpace(command.Title) && command.Title.Length <= 200, CycleProblem.InvalidCommand,
            "A budget cycle needs a title of at most 200 characters.");
        Require(command.BudgetCents > 0, CycleProblem.InvalidCommand, "The budget must be more than zero.");
        Require(_journal.Tentative.Cycle(command.CycleId) is null, CycleProblem.CycleAlreadyExists,
            $"Neighbourhood {NeighbourhoodId} already has a budget cycle '{command.CycleId}'.");
        await _journal.AppendAsync(new BudgetCycleCreated(command.CycleId, command.Title.Trim(), command.BudgetCents));
        return View(ConfirmedCycle(command.CycleId));
    }

    public async Task<CycleView> OpenVotingAsync(OpenVoting command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var cycle = TentativeCycle(command.CycleId);
        if (PhaseRules.WhyNot(cycle.Phase, CyclePhase.Voting) is { } whyNot)
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase, cycle.Phase == CyclePhase.Voting || PhaseRules.VotingHasClosed(cycle.Phase)
                ? $"Voting in '{cycle.Title}' was already opened; its rules are frozen."
                : whyNot);
        }
        var manifest = new VotingManifest(cycle.BudgetCents, command.Projects.IsDefault ? [] : command.Projects,
            command.Ballot, command.Rule, command.Revote, command.Eligibility) { Live = command.Live ?? new() };
        CheckManifest(manifest);
        await _journal.AppendAsync(new VotingOpened(command.CycleId, manifest));
        return View(ConfirmedCycle(command.CycleId));
    }

    public async Task<int> EnrollVotersAsync(EnrollVoters command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var cycle = TentativeCycle(command.CycleId);
        Require(!PhaseRules.VotingHasClosed(cycle.Phase), CycleProblem.WrongPhase, $"Voting in '{cycle.Title}' has closed.");
        Require(!command.VoterKeys.IsDefaultOrEmpty && command.VoterKeys.All(k => !string.IsNullOrEmpty(k)),
            CycleProblem.InvalidCommand, "List at least one voter, and no empty voter keys.");
        var slots = command.VoterKeys
            .Select(key => _secrecy.Slot(NeighbourhoodId, command.CycleId, key))
            .Where(slot => !cycle.IsEnrolled(slot))
            .Distinct()
            .ToImmutableArray();
        if (slots.IsEmpty)
        {
            return 0;
        }
        await _journal.AppendAsync(new VotersEnrolled(command.CycleId, slots));
        return slots.Length;
    }

    public async Task<CastBallotResult> CastBallotAsync(CastBallotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(!string.IsNullOrEmpty(request.VoterKey), CycleProblem.InvalidCommand, "The voter is missing.");
        Require(!string.IsNullOrEmpty(request.IdempotencyKey) && request.IdempotencyKey.Length <= 200, CycleProblem.InvalidCommand,
            "Every ballot request needs an idempotency key of at most 200 characters, so a retry cannot vote twice.");
        var cycle = TentativeCycle(request.CycleId);
        var slot = _secrecy.Slot(NeighbourhoodId, request.CycleId, request.VoterKey);
        string slotText = slot.ToString();
        var requestDigest = BallotSecrecy.Request(slotText, request.IdempotencyKey);

        if (cycle.BallotForRequest(requestDigest) is { } earlier)
        {
            // A retry: the same receipt, but only once the first attempt is durable.
            Require(earlier.Ballot.SequenceEqual(request.Ballot.Entries), CycleProblem.IdempotencyKeyReused,
                "This idempotency key was already used for a different ballot; use a new key for a new ballot.");
            await _journal.WhenConfirmedAsync(earlier.Position);
            return new CastBallotResult(Receipt(earlier), ReplacedEarlierBallot: false);
        }

        // On the ballot path the refusals are built only when they happen: formatting them up front cost every
        // accepted ballot five strings.
        if (cycle.Phase != CyclePhase.Voting)
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase, PhaseRules.VotingHasClosed(cycle.Phase)
                ? $"Voting in '{cycle.Title}' has closed; no more ballots are accepted."
                : $"Voting in '{cycle.Title}' has not opened yet.");
        }
        var manifest = cycle.Manifest!;
        if (manifest.Eligibility == Eligibility.Census && !cycle.IsEnrolled(slot))
        {
            throw new BudgetCycleException(CycleProblem.NotEligible, $"You are not on the list of voters for '{cycle.Title}'.");
        }
        var validation = cycle.Design!.Validate(request.Ballot, cycle.Projects);
        if (!validation.IsValid)
        {
            throw new BudgetCycleException(CycleProblem.InvalidBallot,
                string.Join(" ", validation.Problems.Select(p => p.Message)), validation.Problems);
        }
        var current = cycle.CurrentBallotOf(slot);
        bool replacing = current is not null;
        // Paper ballots close the household's code right after they are cast; this keeps them final even when the
        // server stopped in between, before the code was closed.
        if (current is { } counted && counted.Request == BallotSecrecy.Request(slotText, PaperBallotKey.For(slotText)))
        {
            throw new BudgetCycleException(CycleProblem.AlreadyVoted, $"Your household's paper ballot for '{cycle.Title}' was counted; it cannot be replaced online.");
        }
        if (replacing && manifest.Revote != RevotePolicy.LastBallotCounts)
        {
            throw new BudgetCycleException(CycleProblem.AlreadyVoted, $"You already voted in '{cycle.Title}', and in this vote the first ballot is final.");
        }

        // The ballot's lines as the box already holds them, so the event and both copies of the box share them.
        var ballot = cycle.Canonical(request.Ballot.Entries);
        var entries = await _journal.AppendAsync(new BallotCast(request.CycleId, slot, requestDigest, ballot));
        var entry = entries[0];
        return new CastBallotResult(new BallotReceipt(entry.StreamId, entry.Version, entry.Hash.ToString()), replacing);
    }

    public async Task<CycleView> CloseVotingAsync(string cycleId)
    {
        var cycle = TentativeCycle(cycleId);
        Require(cycle.Phase == CyclePhase.Voting, CycleProblem.WrongPhase, PhaseRules.VotingHasClosed(cycle.Phase)
            ? $"Voting in '{cycle.Title}' is already closed."
            : $"Voting in '{cycle.Title}' has not opened yet.");
        await _journal.AppendAsync(new VotingClosed(cycleId, cycle.Tally!.Turnout));
        return View(ConfirmedCycle(cycleId));
    }

    public async Task<CycleView> ChangePhaseAsync(string cycleId, CyclePhase phase)
    {
        var cycle = TentativeCycle(cycleId);
        Require(phase is not (CyclePhase.Voting or CyclePhase.Results), CycleProblem.InvalidCommand, phase == CyclePhase.Voting
            ? "Open voting with its rules (open-voting): the ballot, the rule and the projects are frozen then."
            : "Close voting (close-voting) to get to the results.");
        if (PhaseRules.WhyNot(cycle.Phase, phase) is { } whyNot)
        {
            throw new BudgetCycleException(CycleProblem.WrongPhase, whyNot);
        }
        await _journal.AppendAsync(new PhaseChanged(cycleId, phase));
        return View(ConfirmedCycle(cycleId));
    }

    public Task<int> CatchUpAsync() => _journal.CatchUpAsync();

    public Task<ImmutableArray<CycleSummary>> ListCyclesAsync() => Task.FromResult(
        _journal.Confirmed.Cycles.Select(c => new CycleSummary(c.CycleId, c.Title, c.BudgetCents, c.Phase)).ToImmutableArray());

    public Task<CycleView> GetCycleAsync(string cycleId) => Task.FromResult(View(ConfirmedCycle(cycleId)));

    public Task<MyBallot?> GetMyBallotAsync(string cycleId, string voterKey)
    {
        var cycle = ConfirmedCycle(cycleId);
        var stored = cycle.CurrentBallotOf(_secrecy.Slot(NeighbourhoodId, cycleId, voterKey));
        return Task.FromResult(stored is { } mine ? new MyBallot(new CastBallot(mine.Ballot), Receipt(mine)) : null);
    }

    public Task<Outcome> ComputeOutcomeAsync(string cycleId)
    {
        var cycle = ConfirmedCycle(cycleId);
        Require(cycle.Manifest is not null, CycleProblem.WrongPhase, $"Voting in '{cycle.Title}' has not opened yet.");
        return Task.FromResult(BallotBox.ComputeOutcome(cycle));
    }

    public Task<VoterShare?> GetShareOfAsync(string cycleId, string voterKey)
    {
        var cycle = ConfirmedCycle(cycleId);
        Require(PhaseRules.VotingHasClosed(cycle.Phase), CycleProblem.WrongPhase, $"Where each share went in '{cycle.Title}' is published when voting closes.");
        if (!_closedOutcomes.TryGetValue(cycleId, out var outcome))
        {
            _closedOutcomes[cycleId] = outcome = BallotBox.ComputeOutcome(cycle);
        }
        // Voters are numbered in the order the outcome was given the current ballots (BallotBox.ToElection).
        int? voter = cycle.VoterNumberOf(_secrecy.Slot(NeighbourhoodId, cycleId, voterKey));
        return Task.FromResult(voter is { } number && outcome.EqualShares is { } shares ? shares.ShareOf(number) : null);
    }

    public Task<string> ExportPabulibAsync(string cycleId)
    {
        var cycle = ConfirmedCycle(cycleId);
        Require(PhaseRules.VotingHasClosed(cycle.Phase), CycleProblem.WrongPhase, $"The ballots of '{cycle.Title}' can be exported when voting has closed.");
        return Task.FromResult(BallotBox.ExportPabulib(cycle, NeighbourhoodId));
    }

    public Task<PublishedBallots> GetPublishedBallotsAsync(string cycleId)
    {
        var cycle = ConfirmedCycle(cycleId);
        Require(PhaseRules.VotingHasClosed(cycle.Phase), CycleProblem.WrongPhase,
            $"The ballots of '{cycle.Title}' are published when voting closes.");
        var counted = cycle.CurrentBallots.Select(b => b.Position).ToHashSet();
        var receipts = cycle.AllBallots
            .OrderBy(b => b.Position)
            .Select(b => new PublishedReceipt(b.Position, b.EntryHash.ToString(), counted.Contains(b.Position)))
            .ToImmutableArray();
        var ballots = cycle.CurrentBallots
            .Select(b => new CastBallot(b.Ballot))
            .OrderBy(CanonicalText, StringComparer.Ordinal)
            .ToImmutableArray();
        return Task.FromResult(new PublishedBallots(_journal.StreamId, cycle.Closing!, cycle.ManifestHash!, receipts, ballots));
    }

    private static string CanonicalText(CastBallot ballot) =>
        string.Join(";", ballot.Entries.Select(e => FormattableString.Invariant($"{e.ProjectId}={e.Value}")));

    private BallotReceipt Receipt(StoredBallot ballot) => new(_journal.StreamId, ballot.Position, ballot.EntryHash.ToString());

    /// <summary>Throws <see cref="BudgetCycleException"/> for rules voting cannot open with; also used to check a
    /// schedule's voting rules when the schedule is set.</summary>
    internal static void CheckManifest(VotingManifest manifest)
    {
        Require(!manifest.Projects.IsEmpty, CycleProblem.InvalidCommand, "Put at least one project on the ballot.");
        // Enums arrive from outside as numbers too; a value outside the enum would otherwise be frozen into a manifest
        // that no rule can count.
        Require(Enum.IsDefined(manifest.Ballot.Kind), CycleProblem.InvalidCommand, "The ballot kind must be approval, knapsack, cumulative or ranking.");
        Require(Enum.IsDefined(manifest.Rule.Kind) && Enum.IsDefined(manifest.Rule.Utility) && Enum.IsDefined(manifest.Rule.Completion),
            CycleProblem.InvalidCommand, "The rule, its utility and its completion must be ones Buurtbudget knows (see docs/rules.md).");
        Require(Enum.IsDefined(manifest.Revote) && Enum.IsDefined(manifest.Eligibility), CycleProblem.InvalidCommand,
            "The revote policy and eligibility must be ones Buurtbudget knows.");
        Require(manifest.Live.MinimumTurnout is >= 1 and <= 10_000 && Enum.IsDefined(manifest.Live.Disclosure), CycleProblem.InvalidCommand,
            "Live results need a known disclosure level and a minimum turnout between 1 and 10,000 before per-project numbers show.");
        var duplicate = manifest.Projects.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, CycleProblem.InvalidCommand, $"Project '{duplicate?.Key}' is on the ballot twice.");
        foreach (var project in manifest.Projects)
        {
            Require(BudgetIds.IsValid(project.Id), CycleProblem.InvalidCommand, $"Project id '{project.Id}' must be {BudgetIds.Rule}.");
            Require(project.CostCents > 0, CycleProblem.InvalidCommand, $"Project '{project.Id}' needs a cost above zero.");
        }
        try
        {
            manifest.Design();
            var rule = manifest.Rule.ToRule();
            Require(rule.Kind != RuleKind.Phragmen || manifest.Ballot.Kind != BallotKind.Cumulative, CycleProblem.InvalidCommand,
                "Sequential Phragmén counts approvals; it cannot be used with cumulative (points) ballots.");
        }
        catch (ArgumentException exception)
        {
            throw new BudgetCycleException(CycleProblem.InvalidCommand, exception.Message);
        }
    }

    private BudgetCycleState TentativeCycle(string cycleId) => _journal.Tentative.Cycle(cycleId) ?? throw UnknownCycle(cycleId);

    private BudgetCycleState ConfirmedCycle(string cycleId) => _journal.Confirmed.Cycle(cycleId) ?? throw UnknownCycle(cycleId);

    private BudgetCycleException UnknownCycle(string cycleId) =>
        new(CycleProblem.UnknownCycle, $"Neighbourhood {NeighbourhoodId} has no budget cycle '{cycleId}'.");

    private static CycleView View(BudgetCycleState cycle) => new(
        cycle.CycleId, cycle.Title, cycle.BudgetCents, cycle.Phase, cycle.Manifest, cycle.ManifestHash,
        cycle.EnrolledCount, cycle.Tally?.View(), cycle.Closing);

    private static void Require(bool condition, CycleProblem problem, string message)
    {
        if (!condition)
        {
            throw new BudgetCycleException(problem, message);
        }
    }
}
