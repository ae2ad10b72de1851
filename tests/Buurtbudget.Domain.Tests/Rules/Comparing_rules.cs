using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

public sealed class Comparing_rules
{
    private static Election Neighbourhood()
    {
        var election = Election.Create(100, [new Project("tuin", 60), new Project("bankjes", 40), new Project("bomen", 40)], VoteType.Approval);
        election.AddBallot([0, 2]);
        election.AddBallot([0, 2]);
        election.AddBallot([0, 2]);
        election.AddBallot([1]);
        return election.Build();
    }

    [Fact]
    public void Every_rule_answers_on_the_same_ballots_and_the_answers_differ_where_the_rules_do()
    {
        var results = RuleComparison.Compare(Neighbourhood());

        Assert.Equal(RuleComparison.Rules(VoteType.Approval), results.Select(r => r.Rule));
        Assert.All(results, r => Assert.True(r.TotalCost <= 100 && r.TotalCost + r.BudgetLeft == 100));
        var greedy = results.Single(r => r.Rule == OutcomeRule.Greedy);
        var equalShares = results.Single(r => r.Rule == new OutcomeRule(RuleKind.EqualShares));
        Assert.Equal(["bomen", "tuin"], greedy.Selected.Order(StringComparer.Ordinal).ToArray());
        // Equal Shares gives voter 4 a quarter of the budget: the three others cannot also afford the garden.
        Assert.Equal(["bomen"], equalShares.Selected.ToArray());
        Assert.True(equalShares.BudgetLeft > greedy.BudgetLeft);
    }

    [Fact]
    public void Phragmen_is_not_offered_for_points_ballots()
    {
        Assert.DoesNotContain(RuleComparison.Rules(VoteType.Cumulative), r => r.Kind == RuleKind.Phragmen);
        Assert.Contains(RuleComparison.Rules(VoteType.Approval), r => r.Kind == RuleKind.Phragmen);
    }

    [Fact]
    public void Synthetic_ballots_are_the_same_for_the_same_seed_and_every_voter_approves_something()
    {
        Project[] projects = [new("a", 10), new("b", 20), new("c", 30)];

        var first = RuleComparison.WithSyntheticApprovals(40, projects, 200, seed: 7);
        var again = RuleComparison.WithSyntheticApprovals(40, projects, 200, seed: 7);
        var other = RuleComparison.WithSyntheticApprovals(40, projects, 200, seed: 8);

        Assert.Equal(200, first.VoterCount);
        Assert.All(Enumerable.Range(0, 200), v => Assert.NotEmpty(first.BallotOf(v).ToArray()));
        Assert.True(Enumerable.Range(0, 200).All(v => first.BallotOf(v).SequenceEqual(again.BallotOf(v))));
        Assert.False(Enumerable.Range(0, 200).All(v => first.BallotOf(v).SequenceEqual(other.BallotOf(v))));
    }
}
