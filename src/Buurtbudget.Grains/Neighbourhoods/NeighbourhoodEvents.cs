using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// What happens in a neighbourhood, as appended to its ledger stream <c>neighbourhood/{id}</c>. Events are facts:
/// they are never changed, and new needs get new events (deliberation and the full cycle add theirs later).
/// </summary>
public abstract record NeighbourhoodEvent(string CycleId);

public sealed record BudgetCycleCreated(string CycleId, string Title, long BudgetCents) : NeighbourhoodEvent(CycleId);

/// <summary>Voting opened under these rules; the entry's hash covers the manifest, so the rules are frozen in the chain.</summary>
public sealed record VotingOpened(string CycleId, VotingManifest Manifest) : NeighbourhoodEvent(CycleId);

/// <summary>Voters added to the cycle's census, each as its secret ballot slot (never the voter's name or code).</summary>
public sealed record VotersEnrolled(string CycleId, ImmutableArray<BallotDigest> Slots) : NeighbourhoodEvent(CycleId);

/// <summary>
/// A ballot, recorded without the voter: <paramref name="Slot"/> is an HMAC of the voter under the server's ballot
/// secret, needed so that a later ballot from the same voter replaces this one. <paramref name="Request"/> is a
/// digest of the client's idempotency key, so a retried request returns this entry's receipt.
/// </summary>
public sealed record BallotCast(string CycleId, BallotDigest Slot, BallotDigest Request, ImmutableArray<BallotEntry> Ballot) : NeighbourhoodEvent(CycleId);

/// <summary>No ballot is accepted after this entry; its hash is the cycle's published fingerprint.</summary>
public sealed record VotingClosed(string CycleId, int Turnout) : NeighbourhoodEvent(CycleId);

/// <summary>The cycle moved to a phase that needs no data of its own (ideas, deliberation, review, implementation,
/// closed). Voting and results are entered by <see cref="VotingOpened"/> and <see cref="VotingClosed"/>.</summary>
public sealed record PhaseChanged(string CycleId, CyclePhase Phase) : NeighbourhoodEvent(CycleId);
