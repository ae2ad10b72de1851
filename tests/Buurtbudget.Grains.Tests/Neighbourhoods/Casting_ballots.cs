using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Rules;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;
using Buurtbudget.Testing;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

public sealed class Casting_ballots : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private ServerNode _node = null!;

    private INeighbourhoodGrain Oost => _node.Neighbourhood("oost");

    public Task InitializeAsync()
    {
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _folder.Dispose();
    }

    private Task<StreamHead> Head() => _node.Ledger.ReadHeadAsync("neighbourhood/oost");

    [Fact]
    public async Task A_receipt_names_the_durable_ledger_entry_that_holds_the_ballot()
    {
        await Votes.OpenAsync(Oost, ["anna"]);

        var result = await Oost.CastBallotAsync(Votes.Ballot("anna", "k1", "bankjes", "bomen"));

        var entry = await _node.Ledger.ReadAsync("neighbourhood/oost", result.Receipt.Position - 1).FirstAsync();
        Assert.Equal("BallotCast", entry.Kind);
        Assert.Equal(result.Receipt.EntryHash, entry.Hash.ToString());
        Assert.Equal((await Head()).Version, result.Receipt.Position);
        Assert.False(result.ReplacedEarlierBallot);
    }

    [Fact]
    public async Task The_ledger_entry_of_a_ballot_carries_no_voter_identity()
    {
        await Votes.OpenAsync(Oost, ["voter-code-ABCD-1234"]);

        var result = await Oost.CastBallotAsync(Votes.Ballot("voter-code-ABCD-1234", "k1", "bankjes"));

        var entry = await _node.Ledger.ReadAsync("neighbourhood/oost", result.Receipt.Position - 1).FirstAsync();
        var payload = System.Text.Encoding.UTF8.GetString(entry.Payload.Span);
        Assert.DoesNotContain("voter-code", payload, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ABCD", payload, StringComparison.Ordinal);
        Assert.Contains(_secrecy.SlotOf("oost", Votes.Cycle, "voter-code-ABCD-1234"), payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ballot_before_voting_opens_is_refused_and_nothing_is_written()
    {
        await Oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Votes.Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        var before = await Head();

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.CastBallotAsync(Votes.Ballot("anna", "k1", "bankjes")));

        Assert.Equal(CycleProblem.WrongPhase, refused.Problem);
        Assert.Contains("not opened", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Head());
    }

    [Fact]
    public async Task A_ballot_after_voting_closed_is_refused_and_nothing_is_written()
    {
        await Votes.OpenAsync(Oost, ["anna", "bram"]);
        await Oost.CastBallotAsync(Votes.Ballot("anna", "k1", "bankjes"));
        var closed = await Oost.CloseVotingAsync(Votes.Cycle);
        var before = await Head();

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.CastBallotAsync(Votes.Ballot("bram", "k2", "bomen")));

        Assert.Equal(CycleProblem.WrongPhase, refused.Problem);
        Assert.Equal(before, await Head());
        Assert.Equal(before.Hash.ToString(), closed.Closing!.EntryHash);
        Assert.Equal(1, closed.Tally!.Turnout);
    }

    [Fact]
    public async Task A_voter_outside_the_census_is_refused()
    {
        await Votes.OpenAsync(Oost, ["anna"]);
        var before = await Head();

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.CastBallotAsync(Votes.Ballot("mallory", "k1", "bankjes")));

        Assert.Equal(CycleProblem.NotEligible, refused.Problem);
        Assert.Equal(before, await Head());
    }

    [Fact]
    public async Task Any_signed_in_resident_may_vote_when_the_cycle_has_no_census()
    {
        await Votes.OpenAsync(Oost, [], Votes.Opening(eligibility: Eligibility.AnySignedInResident));

        var result = await Oost.CastBallotAsync(Votes.Ballot("oidc:https://id.example|42", "k1", "bankjes"));

        Assert.Equal(1, (await Oost.GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
        Assert.NotNull(result.Receipt);
    }

    [Fact]
    public async Task A_ballot_that_breaks_the_design_is_refused_with_every_problem_and_nothing_is_written()
    {
        await Votes.OpenAsync(Oost, ["anna"]);
        var before = await Head();

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() =>
            Oost.CastBallotAsync(Votes.Ballot("anna", "k1", "bankjes", "moestuin", "speeltuin", "bomen", "zwembad")));

        Assert.Equal(CycleProblem.InvalidBallot, refused.Problem);
        Assert.Contains(refused.BallotProblems, p => p.Code == BallotProblemCode.UnknownProject);
        Assert.Contains(refused.BallotProblems, p => p.Code == BallotProblemCode.TooManyProjects);
        Assert.Equal(before, await Head());
    }

    [Fact]
    public async Task A_retried_request_returns_the_same_receipt_and_records_one_ballot()
    {
        await Votes.OpenAsync(Oost, ["anna"]);

        var first = await Oost.CastBallotAsync(Votes.Ballot("anna", "same-key", "bankjes"));
        var head = await Head();
        var retry = await Oost.CastBallotAsync(Votes.Ballot("anna", "same-key", "bankjes"));

        Assert.Equal(first.Receipt, retry.Receipt);
        Assert.Equal(head, await Head());
        Assert.Equal(1, (await Oost.GetCycleAsync(Votes.Cycle)).Tally!.Turnout);
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_ballot_is_refused()
    {
        await Votes.OpenAsync(Oost, ["anna"]);
        await Oost.CastBallotAsync(Votes.Ballot("anna", "same-key", "bankjes"));

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.CastBallotAsync(Votes.Ballot("anna", "same-key", "bomen")));

        Assert.Equal(CycleProblem.IdempotencyKeyReused, refused.Problem);
    }

    [Fact]
    public async Task When_the_last_ballot_counts_a_new_ballot_replaces_the_old_one_in_the_tally()
    {
        await Votes.OpenAsync(Oost, ["anna"]);
        await Oost.CastBallotAsync(Votes.Ballot("anna", "k1", "bankjes", "bomen"));

        var second = await Oost.CastBallotAsync(Votes.Ballot("anna", "k2", "moestuin"));

        Assert.True(second.ReplacedEarlierBallot);
        var tally = (await Oost.GetCycleAsync(Votes.Cycle)).Tally!;
        Assert.Equal(1, tally.Turnout);
        Assert.Equal(1, tally.Projects.Single(p => p.ProjectId == "moestuin").Ballots);
        Assert.Equal(0, tally.Projects.Single(p => p.ProjectId == "bankjes").Ballots);
        var mine = await Oost.GetMyBallotAsync(Votes.Cycle, "anna");
        Assert.Equal(second.Receipt, mine!.Receipt);
        Assert.Equal(CastBallot.OfMarks("moestuin"), mine.Ballot);
    }

    [Fact]
    public async Task When_the_first_ballot_is_final_a_second_ballot_is_refused()
    {
        await Votes.OpenAsync(Oost, ["anna"], Votes.Opening(revote: RevotePolicy.FirstBallotIsFinal));
        var first = await Oost.CastBallotAsync(Votes.Ballot("anna", "k1", "bankjes"));

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.CastBallotAsync(Votes.Ballot("anna", "k2", "bomen")));

        Assert.Equal(CycleProblem.AlreadyVoted, refused.Problem);
        Assert.Equal(first.Receipt, (await Oost.GetMyBallotAsync(Votes.Cycle, "anna"))!.Receipt);
    }

    [Fact]
    public async Task The_rules_are_frozen_once_voting_opens()
    {
        var opened = await Votes.OpenAsync(Oost, ["anna"]);

        var refused = await Assert.ThrowsAsync<BudgetCycleException>(() =>
            Oost.OpenVotingAsync(Votes.Opening(revote: RevotePolicy.FirstBallotIsFinal)));

        Assert.Equal(CycleProblem.WrongPhase, refused.Problem);
        var cycle = await Oost.GetCycleAsync(Votes.Cycle);
        Assert.Equal(opened.ManifestHash, cycle.ManifestHash);
        Assert.Equal(RevotePolicy.LastBallotCounts, cycle.Manifest!.Revote);
        Assert.Equal(cycle.Manifest.Hash(), cycle.ManifestHash);
    }

    [Fact]
    public async Task Invalid_voting_rules_are_refused_with_a_reason_and_nothing_is_written()
    {
        await Oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Votes.Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        var before = await Head();

        var noLimit = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.OpenVotingAsync(
            Votes.Opening() with { Ballot = new BallotDescription(BallotKind.Knapsack, 1, null) }));
        var twice = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.OpenVotingAsync(
            Votes.Opening() with { Projects = [Votes.Projects[0], Votes.Projects[0]] }));
        var noThreshold = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.OpenVotingAsync(
            Votes.Opening() with { Live = new LiveResults(LiveDisclosure.CountsPerProject, MinimumTurnout: 0) }));

        Assert.Contains("spending limit", noLimit.Message, StringComparison.Ordinal);
        Assert.Contains("twice", twice.Message, StringComparison.Ordinal);
        Assert.Contains("minimum turnout", noThreshold.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Head());
    }

    [Fact]
    public async Task Rules_with_enum_values_nobody_defined_are_refused_before_they_are_frozen()
    {
        await Oost.CreateBudgetCycleAsync(new CreateBudgetCycle(Votes.Cycle, "Leefbaarheidsbudget 2026", 2_000_000));
        var before = await Head();
        OpenVoting[] broken =
        [
            Votes.Opening(rule: (RuleKind)42),
            Votes.Opening() with { Rule = new RuleChoice(RuleKind.EqualShares, (Utility)7) },
            Votes.Opening() with { Rule = new RuleChoice(RuleKind.EqualShares, Completion: (Completion)(-1)) },
            Votes.Opening() with { Ballot = new BallotDescription((BallotKind)9, 1, 2) },
            Votes.Opening(revote: (RevotePolicy)5),
            Votes.Opening(eligibility: (Eligibility)5),
        ];

        foreach (var opening in broken)
        {
            var refused = await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.OpenVotingAsync(opening));
            Assert.Equal(CycleProblem.InvalidCommand, refused.Problem);
        }
        Assert.Equal(before, await Head());
    }

    [Fact]
    public async Task The_published_ballots_list_every_receipt_and_count_only_current_ballots_without_linking_them()
    {
        await Votes.OpenAsync(Oost, ["anna", "bram", "cem"]);
        var annaFirst = await Oost.CastBallotAsync(Votes.Ballot("anna", "a1", "speeltuin"));
        var annaSecond = await Oost.CastBallotAsync(Votes.Ballot("anna", "a2", "bankjes"));
        var bram = await Oost.CastBallotAsync(Votes.Ballot("bram", "b1", "moestuin", "bomen"));
        await Assert.ThrowsAsync<BudgetCycleException>(() => Oost.GetPublishedBallotsAsync(Votes.Cycle));
        await Oost.CloseVotingAsync(Votes.Cycle);

        var published = await Oost.GetPublishedBallotsAsync(Votes.Cycle);

        Assert.Equal(
            [(annaFirst.Receipt.Position, false), (annaSecond.Receipt.Position, true), (bram.Receipt.Position, true)],
            published.Receipts.Select(r => (r.Position, r.Counted)));
        Assert.Equal(annaSecond.Receipt.EntryHash, published.Receipts[1].EntryHash);
        Assert.Equal([CastBallot.OfMarks("bankjes"), CastBallot.OfMarks("moestuin", "bomen")], published.Ballots.AsEnumerable());
    }

    [Fact]
    public async Task The_outcome_is_the_rule_engines_outcome_on_the_current_ballots()
    {
        await Votes.OpenAsync(Oost, ["anna", "bram", "cem"], Votes.Opening(rule: Domain.Rules.RuleKind.Greedy));
        await Oost.CastBallotAsync(Votes.Ballot("anna", "a1", "speeltuin", "moestuin"));
        await Oost.CastBallotAsync(Votes.Ballot("bram", "b1", "speeltuin", "bomen"));
        await Oost.CastBallotAsync(Votes.Ballot("cem", "c1", "bomen", "buurtfeest"));

        var outcome = await Oost.ComputeOutcomeAsync(Votes.Cycle);

        // Greedy by votes: speeltuin (2 votes, 12,000) and bomen (2, 5,000) fit; moestuin (9,000) no longer does;
        // buurtfeest (1,500) still fits in the 3,000 left.
        Assert.Equal(["bomen", "buurtfeest", "speeltuin"], outcome.SelectedSorted.AsEnumerable());
    }

    [Fact]
    public async Task State_rebuilt_after_deactivation_equals_the_state_before()
    {
        await Votes.OpenAsync(Oost, ["anna", "bram"]);
        await Oost.CastBallotAsync(Votes.Ballot("anna", "a1", "bankjes"));
        var bram = await Oost.CastBallotAsync(Votes.Ballot("bram", "b1", "bomen", "moestuin"));
        var before = await Oost.GetCycleAsync(Votes.Cycle);

        await _node.Runtime.CollectIdleAsync();
        await _node.DisposeAsync();
        _node = ServerNode.OnSqlite(_folder.File("ledger.db"), _secrecy);
        var after = await Oost.GetCycleAsync(Votes.Cycle);

        Assert.Equal(before.ManifestHash, after.ManifestHash);
        Assert.Equal(before.Tally!.Turnout, after.Tally!.Turnout);
        Assert.Equal(before.Tally.Projects.AsEnumerable(), after.Tally.Projects.AsEnumerable());
        Assert.Equal(bram.Receipt, (await Oost.GetMyBallotAsync(Votes.Cycle, "bram"))!.Receipt);
        Assert.Equal(bram.Receipt, (await Oost.CastBallotAsync(Votes.Ballot("bram", "b1", "bomen", "moestuin"))).Receipt);
    }
}
