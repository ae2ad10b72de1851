using Buurtbudget.Domain.Ballots;

namespace Buurtbudget.Domain.Tests.Ballots;

public class CastBallotTests
{
    [Fact]
    public void Cast_ballots_with_the_same_entries_in_the_same_order_are_equal()
    {
        var one = CastBallot.OfPoints(("a", 3), ("b", 2));
        var other = new CastBallot([new BallotEntry("a", 3.0m), new BallotEntry("b", 2)]);

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
    }

    [Fact]
    public void Cast_ballots_in_a_different_order_are_different_values()
    {
        Assert.NotEqual(CastBallot.OfMarks("a", "b"), CastBallot.OfMarks("b", "a"));
    }

    [Fact]
    public void A_ballot_in_rank_order_gets_ranks_one_to_k()
    {
        Assert.Equal(CastBallot.OfRanks(("c", 1), ("a", 2), ("b", 3)), CastBallot.OfRankOrder("c", "a", "b"));
    }

    [Fact]
    public void A_marked_project_carries_the_number_one()
    {
        Assert.All(CastBallot.OfMarks("a", "b").Entries, entry => Assert.Equal(1, entry.Value));
    }

    [Fact]
    public void A_ballot_keeps_its_entries_as_submitted_even_when_they_break_every_design()
    {
        var ballot = CastBallot.OfPoints(("a", -1), ("a", 0.5m), ("", decimal.MaxValue));

        Assert.Equal([-1, 0.5m, decimal.MaxValue], ballot.Entries.Select(e => e.Value));
    }

    [Fact]
    public void An_entry_needs_a_project_id()
    {
        Assert.Throws<ArgumentNullException>("ProjectId", () => new BallotEntry(null!, 1));
    }
}
