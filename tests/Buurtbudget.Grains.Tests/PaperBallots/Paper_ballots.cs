using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Corporations;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.PaperBallots;
using Buurtbudget.Grains.Tests.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.PaperBallots;

public sealed class Paper_ballots : IAsyncLifetime
{
    private static readonly StaffMember Moritz = new("https://login.ymere.test", "moritz");
    private static readonly StaffMember Mila = new("https://login.ymere.test", "mila");

    private readonly TempDirectory _folder = new();
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private ServerNode _node = null!;
    private IssuedCodes _codes = null!;

    private IPaperBallotsGrain Paper => _node.Runtime.GetGrain<IPaperBallotsGrain>("zuid." + Votes.Cycle);

    public async Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        await Votes.OpenAsync(_node.Neighbourhood("zuid"), []);
        _codes = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1", "Dorpsstraat 3"]));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    private Task<PaperBallotResult> Enter(int household, StaffMember by, params string[] projects) =>
        Paper.EnterAsync(new EnterPaperBallot(_codes.Codes[household].Code, CastBallot.OfMarks(projects), by));

    [Fact]
    public async Task A_paper_ballot_counts_only_after_a_second_moderator_enters_the_same_ballot()
    {
        var first = await Enter(0, Moritz, "bomen");
        var again = await Enter(0, Moritz, "bomen");
        Assert.False(first.Counted || again.Counted);
        Assert.Equal(0, (await _node.Neighbourhood("zuid").GetCycleAsync(Votes.Cycle)).Tally!.Turnout);

        var second = await Enter(0, Mila, "bomen");

        Assert.True(second.Counted);
        Assert.NotNull(second.Receipt);
        Assert.Equal(1, (await _node.Neighbourhood("zuid").GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
    }

    [Fact]
    public async Task A_mismatching_second_entry_is_refused_and_the_first_keeps_waiting()
    {
        await Enter(0, Moritz, "bomen");

        var mismatch = await Assert.ThrowsAsync<BudgetCycleException>(() => Enter(0, Mila, "bankjes"));
        var matching = await Enter(0, Mila, "bomen");

        Assert.Contains("differ", mismatch.Message, StringComparison.Ordinal);
        Assert.True(matching.Counted);
    }

    [Fact]
    public async Task A_household_votes_once_across_paper_and_online()
    {
        var online = await _node.Codes("zuid").SignInAsync(_codes.Codes[1].Code);
        await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, online!.VoterKey, "k", CastBallot.OfMarks("bankjes")));
        await Enter(0, Moritz, "bomen");
        await Enter(0, Mila, "bomen");

        var paperAfterOnline = await Assert.ThrowsAsync<BudgetCycleException>(() => Enter(1, Moritz, "bomen"));
        var paperAgain = await Assert.ThrowsAsync<BudgetCycleException>(() => Enter(0, Moritz, "speeltuin"));

        Assert.Equal(CycleProblem.AlreadyVoted, paperAfterOnline.Problem);
        Assert.Equal(CycleProblem.InvalidCommand, paperAgain.Problem);
        Assert.Null(await _node.Codes("zuid").SignInAsync(_codes.Codes[0].Code));
        Assert.Equal(2, (await _node.Neighbourhood("zuid").GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
    }

    [Fact]
    public async Task A_counted_paper_ballot_stays_final_when_the_server_stopped_before_the_code_was_closed()
    {
        // What the paper-ballot grain does when the second entry matches, up to the moment the server stops: the
        // ballot is cast with the paper key, and the code is not closed yet.
        var household = (await _node.Codes("zuid").SignInAsync(_codes.Codes[0].Code))!;
        string slot = _secrecy.SlotOf("zuid", Votes.Cycle, household.VoterKey);
        await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, household.VoterKey, PaperBallotKey.For(slot), CastBallot.OfMarks("bomen")));

        var online = await Assert.ThrowsAsync<BudgetCycleException>(() => _node.Neighbourhood("zuid").CastBallotAsync(
            new CastBallotRequest(Votes.Cycle, household.VoterKey, "online-1", CastBallot.OfMarks("bankjes"))));
        var next = (await _node.Codes("zuid").SignInAsync(_codes.Codes[1].Code))!;
        var neighbour = await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, next.VoterKey, "online-2", CastBallot.OfMarks("bankjes")));
        var again = await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, next.VoterKey, "online-3", CastBallot.OfMarks("bomen")));

        Assert.Equal(CycleProblem.AlreadyVoted, online.Problem);
        Assert.Equal("bomen", (await _node.Neighbourhood("zuid").GetMyBallotAsync(Votes.Cycle, household.VoterKey))!.Ballot.Entries.Single().ProjectId);
        Assert.True(again.ReplacedEarlierBallot); // online ballots still replace each other in this vote
        Assert.False(neighbour.ReplacedEarlierBallot);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_before_anything_is_written()
    {
        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Paper.EnterAsync(new EnterPaperBallot(VotingCode.NewCode(), CastBallot.OfMarks("bomen"), Moritz)));

        Assert.Equal(CycleProblem.InvalidCommand, refused.Problem);
        Assert.Equal(Ledger.StreamHead.Empty, await _node.Ledger.ReadHeadAsync("paper/zuid." + Votes.Cycle));
    }
}
