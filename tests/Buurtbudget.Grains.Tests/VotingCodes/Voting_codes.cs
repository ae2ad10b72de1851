using Buurtbudget.Domain.Ballots;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Grains.Tests.Neighbourhoods;
using Buurtbudget.Grains.VotingCodes;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.VotingCodes;

public sealed class Voting_codes : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private ServerNode _node = null!;

    public async Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), BallotSecrecy.CreateRandom());
        await Votes.OpenAsync(_node.Neighbourhood("zuid"), []);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void Codes_are_sixteen_unambiguous_characters_in_four_groups_and_read_forgivingly()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VotingCode.NewCode()).ToList();

        Assert.All(codes, code => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal("0123456789ABCDEF", VotingCode.Normalize("o123 4567-89ab cdef"));
        Assert.Equal("1111111111111111", VotingCode.Normalize("iiii-llll-1111-IiLl"));
        Assert.Null(VotingCode.Normalize("0123-4567-89AB-CDE"));
        Assert.Null(VotingCode.Normalize("0123-4567-89AB-CDEU"));
    }

    [Fact]
    public async Task An_issued_code_signs_its_household_in_for_its_cycle_and_lets_it_vote_once()
    {
        var issued = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1", "Dorpsstraat 3"]));
        var typed = issued.Codes[0].Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        var signIn = await _node.Codes("zuid").SignInAsync(typed);

        Assert.Equal(("zuid", Votes.Cycle), (signIn!.NeighbourhoodId, signIn.CycleId));
        Assert.Equal(2, (await _node.Neighbourhood("zuid").GetCycleAsync(Votes.Cycle)).Enrolled);
        var cast = await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, signIn.VoterKey, "k", CastBallot.OfMarks("bomen")));
        Assert.NotNull(cast.Receipt);
    }

    [Fact]
    public async Task Wrong_and_revoked_codes_sign_nobody_in()
    {
        var issued = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1"]));

        Assert.Null(await _node.Codes("zuid").SignInAsync(VotingCode.NewCode()));
        Assert.Null(await _node.Codes("zuid").SignInAsync("not a code at all"));
        Assert.True(await _node.Codes("zuid").RevokeAsync(issued.Codes[0].Code));
        Assert.False(await _node.Codes("zuid").RevokeAsync(issued.Codes[0].Code));
        Assert.Null(await _node.Codes("zuid").SignInAsync(issued.Codes[0].Code));
        Assert.False(await _node.Codes("zuid").IsLiveAsync(ServerNode.CodeHasher.Digest(VotingCode.Normalize(issued.Codes[0].Code)!)));
        Assert.False(await _node.Codes("zuid").IsLiveAsync("oidc:someone"));
    }

    [Fact]
    public async Task A_signed_in_code_stays_live_until_it_is_revoked()
    {
        var issued = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1"]));
        var signIn = await _node.Codes("zuid").SignInAsync(issued.Codes[0].Code);

        Assert.True(await _node.Codes("zuid").IsLiveAsync(signIn!.Credential));
        await _node.Codes("zuid").RevokeAsync(issued.Codes[0].Code);
        Assert.False(await _node.Codes("zuid").IsLiveAsync(signIn.Credential));
    }

    [Fact]
    public async Task A_replacement_letter_ends_the_old_code_and_votes_as_the_same_household()
    {
        var first = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1", "Kerkplein 7"]));
        var oldSignIn = await _node.Codes("zuid").SignInAsync(first.Codes[0].Code);
        await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, oldSignIn!.VoterKey, "old", CastBallot.OfMarks("bomen")));

        var second = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["  dorpsstraat   1 "]));
        var newSignIn = await _node.Codes("zuid").SignInAsync(second.Codes[0].Code);
        var replaced = await _node.Neighbourhood("zuid").CastBallotAsync(new CastBallotRequest(Votes.Cycle, newSignIn!.VoterKey, "new", CastBallot.OfMarks("bankjes")));

        Assert.Equal(1, second.Replaced);
        Assert.Null(await _node.Codes("zuid").SignInAsync(first.Codes[0].Code));
        Assert.False(await _node.Codes("zuid").IsLiveAsync(oldSignIn.Credential));
        Assert.Equal(oldSignIn.VoterKey, newSignIn.VoterKey);
        Assert.True(replaced.ReplacedEarlierBallot);
        var cycle = await _node.Neighbourhood("zuid").GetCycleAsync(Votes.Cycle);
        Assert.Equal((2, 1), (cycle.Enrolled, cycle.Tally!.Turnout));
        Assert.NotNull(await _node.Codes("zuid").SignInAsync(first.Codes[1].Code));
    }

    [Fact]
    public async Task Households_and_replacements_survive_a_reactivation()
    {
        var first = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1"]));
        var voter = (await _node.Codes("zuid").SignInAsync(first.Codes[0].Code))!.VoterKey;

        await using var restarted = ServerNode.OnSqlite(_folder.File("ledger.db"), BallotSecrecy.CreateRandom());
        var second = await restarted.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1"]));

        Assert.Equal(1, second.Replaced);
        Assert.Equal(voter, (await restarted.Codes("zuid").SignInAsync(second.Codes[0].Code))!.VoterKey);
        Assert.Null(await restarted.Codes("zuid").SignInAsync(first.Codes[0].Code));
    }

    [Fact]
    public void A_snapshot_keeps_households_current_codes_and_revocations()
    {
        var state = new VotingCodesState();
        state.Apply(new VotingCodesIssued("2026", ["c1", "c2"], ["h1", "h2"]), null!);
        state.Apply(new VotingCodesIssued("2026", ["c3"], ["h1"]), null!);
        state.Apply(new VotingCodesIssued("2025", ["legacy"]), null!);

        var restored = VotingCodesJson.Instance.DecodeState(VotingCodesJson.Instance.CaptureState(state)());
        restored.Apply(new VotingCodesIssued("2026", ["c4"], ["h2"]), null!);

        Assert.False(restored.IsLive("c1"));
        Assert.False(restored.IsLive("c2"));
        Assert.True(restored.IsLive("c3") && restored.IsLive("c4") && restored.IsLive("legacy"));
        Assert.Equal(VotingCodeHasher.VoterKey("h1"), restored.VoterKeyOf("c3"));
        Assert.Equal(VotingCodeHasher.LegacyVoterKey("legacy"), restored.VoterKeyOf("legacy"));
    }

    [Fact]
    public async Task The_same_household_twice_in_one_list_is_refused()
    {
        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1", "DORPSSTRAAT 1"])));

        Assert.Contains("twice", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Ledger.StreamHead.Empty, await _node.Ledger.ReadHeadAsync("codes/zuid"));
    }

    [Fact]
    public async Task Neither_codes_nor_households_are_stored()
    {
        var issued = await _node.Codes("zuid").IssueAsync(new IssueCodes(Votes.Cycle, ["Dorpsstraat 1", "Kerkplein 7"]));

        var stored = await _node.Ledger.ReadAsync("codes/zuid").ToListAsync();
        var everything = string.Concat(stored.Select(e => System.Text.Encoding.UTF8.GetString(e.Payload.Span)));
        foreach (var code in issued.Codes)
        {
            Assert.DoesNotContain(VotingCode.Normalize(code.Code)!, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(code.Code, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(code.Household, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Codes_for_an_unknown_cycle_are_refused_before_any_code_exists()
    {
        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => _node.Codes("zuid").IssueAsync(new IssueCodes("1999", ["Dorpsstraat 1"])));

        Assert.Equal(CycleProblem.UnknownCycle, refused.Problem);
        Assert.Equal(Ledger.StreamHead.Empty, await _node.Ledger.ReadHeadAsync("codes/zuid"));
    }
}
