using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

public sealed class Ballots_carried_over_from_an_earlier_vote
{
    private static readonly TitledProject[] Today =
    [
        new("p1", "Moestuin", 100), new("p2", "Bankjes op het plein", 50), new("p3", "Nieuwe speeltuin", 80),
    ];

    private static readonly TitledProject[] Earlier =
    [
        new("p1", "Moestuin (oud)", 90), new("17", "bankjes  op het PLEIN", 40), new("18", "Zwembad", 900),
    ];

    [Fact]
    public void Match_projects_by_id_then_by_title_and_say_what_did_not_carry_over()
    {
        var carried = CarriedOverBallots.Approvals(200, Today, Earlier, [["p1", "17"], ["18"], ["17", "18"], []]);

        Assert.Equal(["18"], carried.NotCarriedOver.Select(p => p.Id));
        Assert.Equal(["p3"], carried.WithoutBallots.Select(p => p.Id));
        Assert.Equal((2, 2), (carried.BallotsUsed, carried.BallotsUnusable));
        Assert.Equal(2, carried.Election.VoterCount);
        Assert.Equal([0, 1], carried.Election.BallotOf(0).ToArray());
        Assert.Equal([1], carried.Election.BallotOf(1).ToArray());
    }

    [Fact]
    public void Never_match_a_title_that_is_not_unique()
    {
        TitledProject[] twins = [new("a", "Bankjes op het plein", 1), new("b", "Bankjes op het plein", 1)];

        var carried = CarriedOverBallots.Approvals(200, Today, twins, [["a"], ["b"]]);

        Assert.Equal(2, carried.NotCarriedOver.Length);
        Assert.Equal(2, carried.BallotsUnusable);
    }
}
