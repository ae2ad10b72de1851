using Buurtbudget.Domain.Cycles;
using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// One neighbourhood: its budget cycles and their ballot box. Keyed by the neighbourhood id. Business-rule
/// violations throw <see cref="BudgetCycleException"/> and change nothing; a storage failure throws
/// <see cref="Ledger.LedgerUnavailableException"/> and the request may be retried with the same idempotency key.
/// </summary>
public interface INeighbourhoodGrain : IGrainWithStringKey
{
    Task<CycleView> CreateBudgetCycleAsync(CreateBudgetCycle command);

    /// <summary>Freezes the rules and opens the ballot box. Returns the manifest hash shown to voters.</summary>
    Task<CycleView> OpenVotingAsync(OpenVoting command);

    Task<int> EnrollVotersAsync(EnrollVoters command);

    /// <summary>Returns only after the ballot is durably committed.</summary>
    Task<CastBallotResult> CastBallotAsync(CastBallotRequest request);

    Task<CycleView> CloseVotingAsync(string cycleId);

    /// <summary>Moves the cycle to a phase that needs nothing else (ideas, deliberation, review, implementation,
    /// closed), as <see cref="Domain.Cycles.PhaseRules"/> allows; voting opens and closes with its own commands.</summary>
    Task<CycleView> ChangePhaseAsync(string cycleId, Domain.Cycles.CyclePhase phase);

    Task<CycleView> GetCycleAsync(string cycleId);

    /// <summary>Applies what another server node appended since this activation last read the ledger (it learns of
    /// it from the cross-node notifications that drive live results). Returns how many entries it applied.</summary>
    Task<int> CatchUpAsync();

    /// <summary>Every budget cycle of the neighbourhood, in the order they were created.</summary>
    Task<ImmutableArray<CycleSummary>> ListCyclesAsync();

    Task<MyBallot?> GetMyBallotAsync(string cycleId, string voterKey);

    /// <summary>The outcome of the rule on the current ballots (the server decides who may see it when).</summary>
    Task<Outcome> ComputeOutcomeAsync(string cycleId);

    /// <summary>
    /// After the close, under Equal Shares: the voter's equal share of the budget and what it paid for; null when the
    /// voter cast no ballot or the rule is not Equal Shares. Only the voter themselves can ask (by their voter key).
    /// </summary>
    Task<VoterShare?> GetShareOfAsync(string cycleId, string voterKey);

    /// <summary>After voting closed: the counted ballots as an anonymised Pabulib (.pb) file, in euros, so anyone can
    /// recount the result with the reference tools.</summary>
    Task<string> ExportPabulibAsync(string cycleId);

    /// <summary>After voting closed: every receipt issued, and the counted ballots without any link to them.</summary>
    Task<PublishedBallots> GetPublishedBallotsAsync(string cycleId);
}

public sealed record CreateBudgetCycle(string CycleId, string Title, long BudgetCents);

public sealed record OpenVoting(string CycleId, ImmutableArray<BallotProject> Projects, BallotDescription Ballot, RuleChoice Rule, RevotePolicy Revote, Eligibility Eligibility)
{
    /// <summary>What watchers see while voting is open; turnout only unless the corporation chooses more.</summary>
    public LiveResults Live { get; init; } = new();
}

/// <summary><paramref name="VoterKeys"/> are what identifies a voter to the server (a hashed voting code, or
/// issuer and subject); they are stored only as ballot slots.</summary>
public sealed record EnrollVoters(string CycleId, ImmutableArray<string> VoterKeys);

public sealed record CastBallotRequest(string CycleId, string VoterKey, string IdempotencyKey, CastBallot Ballot);

public sealed record CastBallotResult(BallotReceipt Receipt, bool ReplacedEarlierBallot);

public sealed record CycleView(
    string CycleId,
    string Title,
    long BudgetCents,
    CyclePhase Phase,
    VotingManifest? Manifest,
    string? ManifestHash,
    int Enrolled,
    TallyView? Tally,
    BallotReceipt? Closing);

public sealed record CycleSummary(string CycleId, string Title, long BudgetCents, Domain.Cycles.CyclePhase Phase);

public sealed record MyBallot(CastBallot Ballot, BallotReceipt Receipt);

/// <summary>A receipt on the public list, and whether its ballot counted or was replaced by a later one.</summary>
public sealed record PublishedReceipt(long Position, string EntryHash, bool Counted);

/// <summary>
/// The public record of a closed vote. <paramref name="Ballots"/> are in a canonical order (sorted by content),
/// not ledger order, so they cannot be matched to receipts; anyone can recount the result from them.
/// </summary>
public sealed record PublishedBallots(string StreamId, BallotReceipt Closing, string ManifestHash, ImmutableArray<PublishedReceipt> Receipts, ImmutableArray<CastBallot> Ballots);
