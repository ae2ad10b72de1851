using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Runtime;

namespace Buurtbudget.Grains.PaperBallots;

/// <summary>
/// Paper ballots of one cycle (key <c>{neighbourhood}.{cycle}</c>), entered by moderators against the household's
/// voting code with double entry: a first entry waits; a second entry by another moderator that matches it casts the
/// ballot into the same ballot box as online ballots and closes the code for online voting. A household that
/// already voted online cannot also vote on paper.
/// </summary>
public interface IPaperBallotsGrain : IGrainWithStringKey
{
    Task<PaperBallotResult> EnterAsync(EnterPaperBallot command);
}

public sealed record EnterPaperBallot(string Code, CastBallot Ballot, StaffMember Moderator);

/// <param name="Receipt">Set once the ballot counts (the second, matching entry).</param>
public sealed record PaperBallotResult(bool Counted, BallotReceipt? Receipt, string Message);

/// <summary>What happens on the stream <c>paper/{neighbourhood}.{cycle}</c>.</summary>
public abstract record PaperBallotEvent;

public sealed record PaperBallotEntered(string Slot, ImmutableArray<BallotEntry> Ballot, StaffMember By) : PaperBallotEvent;

public sealed record PaperBallotConfirmed(string Slot, StaffMember By) : PaperBallotEvent;
