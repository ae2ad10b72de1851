using Buurtbudget.Domain.Ballots;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Tests.Ballots;

public class RankingDesignTests
{
    private static readonly RankingDesign _upToThree = new(maxRanked: 3);

    [Fact]
    public void Ranking_of_one_project_is_accepted()
    {
        Assert.True(_upToThree.Validate(CastBallot.OfRanks(("b", 1)), Ballot.Named(5)).IsValid);
    }

    [Fact]
    public void Ranking_of_exactly_the_maximum_with_ranks_one_to_k_in_any_order_is_accepted()
    {
        var ballot = CastBallot.OfRanks(("c", 2), ("a", 3), ("e", 1));

        Assert.True(_upToThree.Validate(ballot, Ballot.Named(5)).IsValid);
    }

    [Fact]
    public void Ranking_of_one_project_too_many_is_rejected_with_the_number_to_remove()
    {
        var problem = Assert.Single(_upToThree.Validate(CastBallot.OfRankOrder("a", "b", "c", "d"), Ballot.Named(5)).Problems);

        Assert.Equal(TooManyProjects, problem.Code);
        Assert.Equal("You chose 4 projects; this ballot allows at most 3. Remove 1 project.", problem.Message);
    }

    [Fact]
    public void Ranking_of_fewer_than_the_minimum_is_rejected_and_the_minimum_itself_is_accepted()
    {
        var design = new RankingDesign(maxRanked: 4, minRanked: 2);

        var problem = Assert.Single(design.Validate(CastBallot.OfRankOrder("a"), Ballot.Named(5)).Problems);
        Assert.Equal(TooFewProjects, problem.Code);
        Assert.Equal("You chose 1 project; this ballot needs at least 2. Choose 1 more project.", problem.Message);
        Assert.True(design.Validate(CastBallot.OfRankOrder("a", "b"), Ballot.Named(5)).IsValid);
    }

    [Fact]
    public void Empty_ranking_is_rejected_as_empty_only()
    {
        Assert.Equal([EmptyBallot], _upToThree.Validate(CastBallot.OfRankOrder(), Ballot.Named(5)).Codes());
    }

    [Fact]
    public void Ranking_with_a_gap_is_rejected_naming_the_project_out_of_place()
    {
        var problem = Assert.Single(_upToThree.Validate(CastBallot.OfRanks(("a", 1), ("b", 3)), Ballot.Named(5)).Problems);

        Assert.Equal(RankingNotContiguous, problem.Code);
        Assert.Equal(2, problem.Limit);
        Assert.Equal<string>(["b"], problem.ProjectIds);
        Assert.Equal("Number your 2 choices 1 to 2, using each number once. Check the numbers you gave to project 'b'.", problem.Message);
    }

    [Fact]
    public void Ranking_with_a_tie_is_rejected_naming_both_tied_projects()
    {
        var problem = Assert.Single(_upToThree.Validate(CastBallot.OfRanks(("a", 1), ("b", 1), ("c", 2)), Ballot.Named(5)).Problems);

        Assert.Equal(RankingNotContiguous, problem.Code);
        Assert.Equal<string>(["a", "b"], problem.ProjectIds);
        Assert.Equal("Number your 3 choices 1 to 3, using each number once. Check the numbers you gave to project 'a' and project 'b'.", problem.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1.5)]
    [InlineData(2)]
    public void Ranking_of_one_project_needs_rank_one(double rank)
    {
        var problem = Assert.Single(_upToThree.Validate(CastBallot.OfRanks(("a", (decimal)rank)), Ballot.Named(5)).Problems);

        Assert.Equal(RankingNotContiguous, problem.Code);
        Assert.Equal("Give your choice rank 1. Check the number you gave to project 'a'.", problem.Message);
    }

    [Fact]
    public void Ranking_reports_every_problem_at_once()
    {
        var ballot = CastBallot.OfRanks(("a", 1), ("zz", 2), ("a", 2), ("b", 7), ("c", 4));

        var validation = _upToThree.Validate(ballot, Ballot.Named(5));

        Assert.Equal([DuplicateProject, UnknownProject, TooManyProjects, RankingNotContiguous], validation.Codes());
        Assert.Equal<string>(["zz", "a", "b"], validation.Single(RankingNotContiguous).ProjectIds);
    }

    [Fact]
    public void Ranking_that_breaks_the_design_is_never_trimmed_into_a_rank_order()
    {
        var ballot = CastBallot.OfRankOrder("a", "b", "c", "d");

        var error = Assert.Throws<InvalidBallotException>(() => _upToThree.ToRankOrder(ballot, Ballot.Named(5)));

        Assert.Equal([TooManyProjects], error.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Valid_ranking_becomes_the_ids_favourite_first()
    {
        var order = _upToThree.ToRankOrder(CastBallot.OfRanks(("c", 2), ("a", 3), ("e", 1)), Ballot.Named(5));

        Assert.Equal<string>(["e", "c", "a"], order);
    }

    [Fact]
    public void Ranking_design_needs_room_for_at_least_one_project()
    {
        Assert.Throws<ArgumentOutOfRangeException>("maxRanked", () => new RankingDesign(0));
        Assert.Throws<ArgumentOutOfRangeException>("minRanked", () => new RankingDesign(3, minRanked: 0));
    }

    [Fact]
    public void Ranking_design_with_a_minimum_above_its_maximum_is_impossible()
    {
        Assert.Throws<ArgumentException>("maxRanked", () => new RankingDesign(2, minRanked: 3));
    }

    [Fact]
    public void Ranking_design_describes_itself_as_plain_data()
    {
        Assert.Equal(new BallotDescription(BallotKind.Ranking, 1, 3), _upToThree.Describe());
        Assert.Equal(
            "Rank up to 3 projects in order of preference: 1 for your favourite, then 2, and so on.",
            BallotMessages.Instructions(_upToThree.Describe()));
    }
}
