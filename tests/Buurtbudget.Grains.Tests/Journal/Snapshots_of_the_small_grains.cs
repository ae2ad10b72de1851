using System.Collections.Immutable;
using Buurtbudget.Domain.Access;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Cycles;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Deliberation;
using Buurtbudget.Grains.Journal;
using Buurtbudget.Grains.PaperBallots;
using Buurtbudget.Grains.Proposals;
using Buurtbudget.Grains.Residence;
using Buurtbudget.Grains.Schedules;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Ledger;

namespace Buurtbudget.Grains.Tests.Journal;

/// <summary>
/// The small grains snapshot rarely (every 100 to 1,000 events), so no other test reaches their snapshots. Each
/// state here is folded from events that went through the codec as they would through the ledger, then
/// snapshotted, restored, and snapshotted again: the two snapshots must be the same bytes, and the restored state
/// must answer as the original does.
/// </summary>
public sealed class Snapshots_of_the_small_grains
{
    private static readonly StaffMember Anna = new("https://login.test", "anna");
    private static readonly DateTimeOffset Monday = new(2027, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    private static TState Fold<TState, TEvent>(IJournalCodec<TState, TEvent> codec, TState state, params TEvent[] events)
        where TState : IJournaledState<TEvent>
    {
        long version = 0;
        foreach (var change in events)
        {
            var encoded = codec.Encode(change);
            var entry = new LedgerEntry("snapshot-test", ++version, encoded.Kind, encoded.Payload, EntryHash.Genesis, EntryHash.Genesis);
            state.Apply(codec.Decode(entry), entry);
        }
        return state;
    }

    private static TState RoundTrip<TState, TEvent>(IJournalCodec<TState, TEvent> codec, TState state)
    {
        byte[] taken = codec.CaptureState(state)();
        var restored = codec.DecodeState(taken);
        Assert.Equal(taken, codec.CaptureState(restored)());
        return restored;
    }

    [Fact]
    public void A_register_keeps_its_corporations_neighbourhoods_and_grants()
    {
        var state = Fold(RegisterJson.Instance, new RegisterState(),
            new CorporationRegistered("ymere", "Ymere"),
            new NeighbourhoodRegistered("ymere", "oost", "Oost"),
            new RoleGranted(Anna, new StaffGrant("ymere", StaffRole.Administrator, [])));

        var restored = RoundTrip(RegisterJson.Instance, state);

        Assert.Equal("Ymere", restored.Corporations["ymere"]);
        Assert.Equal("Oost", restored.Neighbourhoods["oost"].Name);
        Assert.Single(restored.Grants[Anna]);
    }

    [Fact]
    public void Voting_codes_keep_which_are_live_revoked_and_current_per_household()
    {
        var state = Fold(VotingCodesJson.Instance, new VotingCodesState(),
            new VotingCodesIssued("2027", ["d1", "d2"], ["h1", "h2"]),
            new VotingCodeRevoked("d2"),
            new VotingCodesIssued("2027", ["d3"], ["h2"]));

        var restored = RoundTrip(VotingCodesJson.Instance, state);

        Assert.Equal(3, restored.CycleByDigest.Count);
        Assert.Contains("d2", restored.Revoked);
        Assert.Equal("d3", restored.CurrentCode[("2027", "h2")]);
    }

    [Fact]
    public void Rounds_schedules_paper_ballots_and_proposal_lists_come_back_whole()
    {
        var rounds = RoundTrip(DeliberationJson.Instance, Fold(DeliberationJson.Instance, new DeliberationState(),
            new RoundOpened(1, "Wie onderhoudt de tuin?", ["p1", "p2"], Monday, Monday.AddDays(7), Anna)));
        var schedule = RoundTrip(ScheduleJson.Instance, Fold(ScheduleJson.Instance, new ScheduleState(),
            new ScheduleSet("oost", "2027", [new ScheduledPhase(CyclePhase.Review, Monday.AddDays(14))], null, Anna)));
        var paper = RoundTrip(PaperBallotsJson.Instance, Fold(PaperBallotsJson.Instance, new PaperBallotsState(),
            new PaperBallotEntered("slot-1", [new BallotEntry("bomen", 1)], Anna)));
        var proposals = RoundTrip(CycleProposalsJson.Instance, Fold(CycleProposalsJson.Instance, new CycleProposalsState(),
            new ProposalListed("p1"), new ProposalRulesSet(new ProposalRules(10_000, 500_000, 3) { Categories = ["Groen"] })));

        Assert.Equal<string>(["p1", "p2"], rounds.Rounds.Single().ProposalIds);
        Assert.Equal(CyclePhase.Review, schedule.Cycles["oost.2027"].Steps.Single().Phase);
        Assert.Equal("bomen", paper.Pending["slot-1"].Ballot.Single().ProjectId);
        Assert.Equal<string>(["p1"], proposals.Ids);
        Assert.Equal<string>(["Groen"], proposals.Rules.Categories);
    }

    [Fact]
    public void Who_may_take_part_and_the_providers_index_come_back_whole()
    {
        var rule = new ProviderClaimRule("corporatie", "neighbourhoods", ["oost"]);
        var eligibility = RoundTrip(CycleEligibilityJson.Instance, Fold(CycleEligibilityJson.Instance, new CycleEligibilityState(),
            new EligibilitySet(new CycleEligibility(ResidentSource.IdentityProvider, rule))));
        var index = RoundTrip(ProviderCyclesJson.Instance, Fold(ProviderCyclesJson.Instance, new ProviderCyclesState(),
            new ProviderCycleAdded("oost.2027"), new ProviderCycleAdded("west.2027"), new ProviderCycleRemoved("oost.2027")));

        Assert.Equal(ResidentSource.IdentityProvider, eligibility.Rules.Residents);
        Assert.Equal<string>(["oost"], eligibility.Rules.Provider!.Values);
        Assert.Equal<string>(["west.2027"], index.Cycles);
    }
}
