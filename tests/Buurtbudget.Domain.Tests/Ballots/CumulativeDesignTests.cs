using Buurtbudget.Domain.Ballots;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Tests.Ballots;

public class CumulativeDesignTests
{
    private static readonly CumulativeDesign _allTen = new(points: 10, mustUseAllPoints: true);
    private static readonly CumulativeDesign _upToTen = new(points: 10, mustUseAllPoints: false);
    private static readonly CumulativeDesign _tenCappedAtFive = new(points: 10, mustUseAllPoints: false, maxPointsPerProject: 5);

    [Fact]
    public void Cumulative_ballot_using_exactly_all_points_is_accepted_when_all_must_be_used()
    {
        Assert.True(_allTen.Validate(CastBallot.OfPoints(("a", 7), ("b", 3)), Ballot.Named(3)).IsValid);
    }

    [Fact]
    public void Cumulative_ballot_leaving_points_unused_is_rejected_with_the_points_remaining()
    {
        var problem = Assert.Single(_allTen.Validate(CastBallot.OfPoints(("a", 4), ("b", 3)), Ballot.Named(3)).Problems);

        Assert.Equal(NotAllPointsUsed, problem.Code);
        Assert.Equal((10m, 7m), (problem.Limit, problem.Actual));
        Assert.Equal("You gave out 7 of your 10 points. Give out the remaining 3 points.", problem.Message);
    }

    [Fact]
    public void Cumulative_ballot_leaving_points_unused_is_accepted_when_at_most_is_asked()
    {
        Assert.True(_upToTen.Validate(CastBallot.OfPoints(("a", 1)), Ballot.Named(3)).IsValid);
        Assert.True(_upToTen.Validate(CastBallot.OfPoints(("a", 10)), Ballot.Named(3)).IsValid);
    }

    [Fact]
    public void Cumulative_ballot_giving_out_too_many_points_is_rejected_with_the_points_to_take_back()
    {
        var problem = Assert.Single(_upToTen.Validate(CastBallot.OfPoints(("a", 8), ("b", 3)), Ballot.Named(3)).Problems);

        Assert.Equal(TooManyPoints, problem.Code);
        Assert.Equal((10m, 11m), (problem.Limit, problem.Actual));
        Assert.Equal<string>(["a", "b"], problem.ProjectIds);
        Assert.Equal("You gave out 11 points; you have 10 points. Take back 1 point.", problem.Message);
    }

    [Fact]
    public void Cumulative_ballot_giving_a_project_exactly_the_cap_is_accepted()
    {
        Assert.True(_tenCappedAtFive.Validate(CastBallot.OfPoints(("a", 5), ("b", 5)), Ballot.Named(3)).IsValid);
    }

    [Fact]
    public void Cumulative_ballot_over_the_cap_per_project_is_rejected_per_project()
    {
        var validation = _tenCappedAtFive.Validate(CastBallot.OfPoints(("a", 6), ("b", 2), ("c", 7)), Ballot.Named(3));

        Assert.Equal([OverPerProjectCap, OverPerProjectCap, TooManyPoints], validation.Codes());
        var first = validation.Problems[0];
        Assert.Equal<string>(["a"], first.ProjectIds);
        Assert.Equal((5m, 6m), (first.Limit, first.Actual));
        Assert.Equal("You gave 6 points to project 'a'; one project can get at most 5 points. Take back 1 point from it.", first.Message);
        Assert.Equal<string>(["c"], validation.Problems[1].ProjectIds);
    }

    [Fact]
    public void Cumulative_ballot_with_fractional_points_is_rejected()
    {
        var problem = Assert.Single(_upToTen.Validate(CastBallot.OfPoints(("a", 2.5m), ("b", 3)), Ballot.Named(3)).Problems);

        Assert.Equal(PointsNotWhole, problem.Code);
        Assert.Equal(2.5m, problem.Actual);
        Assert.Equal("You gave 2.5 points to project 'a'; use whole points only.", problem.Message);
    }

    [Fact]
    public void Cumulative_ballot_with_negative_points_is_rejected_and_they_do_not_offset_other_points()
    {
        var validation = _upToTen.Validate(CastBallot.OfPoints(("a", 12), ("b", -2)), Ballot.Named(3));

        Assert.Equal([NegativePoints, TooManyPoints], validation.Codes());
        Assert.Equal("You gave -2 points to project 'b'; points cannot be negative.", validation.Problems[0].Message);
        Assert.Equal(12, validation.Single(TooManyPoints).Actual);
    }

    [Fact]
    public void Cumulative_ballot_with_no_entries_is_rejected_as_empty_only_even_when_all_points_must_be_used()
    {
        var problem = Assert.Single(_allTen.Validate(CastBallot.OfPoints(), Ballot.Named(3)).Problems);

        Assert.Equal(EmptyBallot, problem.Code);
        Assert.Equal("You have not chosen any projects. Choose at least 1 project.", problem.Message);
    }

    [Fact]
    public void Cumulative_ballot_giving_only_zero_points_is_rejected_as_empty()
    {
        Assert.Equal([EmptyBallot], _upToTen.Validate(CastBallot.OfPoints(("a", 0), ("b", 0)), Ballot.Named(3)).Codes());
    }

    [Fact]
    public void Cumulative_ballot_may_list_a_project_with_zero_points_and_keeps_it_in_the_outcome()
    {
        var ballot = CastBallot.OfPoints(("a", 10), ("b", 0));

        var points = _allTen.ToPoints(ballot, Ballot.Named(3));

        Assert.Equal<ProjectPoints>([new ProjectPoints("a", 10), new ProjectPoints("b", 0)], points);
    }

    [Fact]
    public void Cumulative_ballot_reports_every_problem_at_once()
    {
        var ballot = CastBallot.OfPoints(("a", 6), ("x", 1), ("b", -1.5m), ("a", 1));

        var validation = _tenCappedAtFive.Validate(ballot, Ballot.Named(3));

        Assert.Equal(
            [DuplicateProject, UnknownProject, OverPerProjectCap, NegativePoints, PointsNotWhole],
            validation.Codes());
    }

    [Fact]
    public void Cumulative_ballot_with_huge_points_is_rejected_without_overflowing()
    {
        var ballot = CastBallot.OfPoints(("a", decimal.MaxValue), ("b", decimal.MaxValue));

        var validation = _upToTen.Validate(ballot, Ballot.Named(3));

        Assert.Equal([TooManyPoints], validation.Codes());
        Assert.Contains("you have 10", validation.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cumulative_ballot_that_breaks_the_design_is_never_trimmed_into_points()
    {
        var ballot = CastBallot.OfPoints(("a", 8), ("b", 3));

        var error = Assert.Throws<InvalidBallotException>(() => _upToTen.ToPoints(ballot, Ballot.Named(3)));

        Assert.Equal([TooManyPoints], error.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Valid_cumulative_ballot_becomes_points_per_project_in_ballot_order()
    {
        var points = _upToTen.ToPoints(CastBallot.OfPoints(("c", 2), ("a", 5.00m)), Ballot.Named(3));

        Assert.Equal<ProjectPoints>([new ProjectPoints("c", 2), new ProjectPoints("a", 5)], points);
    }

    [Fact]
    public void Cumulative_design_needs_at_least_one_point()
    {
        Assert.Throws<ArgumentOutOfRangeException>("points", () => new CumulativeDesign(0, mustUseAllPoints: false));
    }

    [Fact]
    public void Cumulative_design_cap_must_be_between_one_and_the_points_available()
    {
        Assert.Throws<ArgumentOutOfRangeException>("maxPointsPerProject", () => new CumulativeDesign(10, false, maxPointsPerProject: 0));
        var error = Assert.Throws<ArgumentException>("maxPointsPerProject", () => new CumulativeDesign(10, false, maxPointsPerProject: 11));
        Assert.Contains("(11) is above the points available (10)", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, new CumulativeDesign(10, true, maxPointsPerProject: 10).MaxPointsPerProject);
    }

    [Fact]
    public void Cumulative_design_describes_itself_as_plain_data()
    {
        Assert.Equal(
            new BallotDescription(BallotKind.Cumulative, 1, null, Points: 10, MustUseAllPoints: false, MaxPointsPerProject: 5),
            _tenCappedAtFive.Describe());
        Assert.Equal(
            "Give out up to 10 points over the projects you support, at most 5 points to any one project. Use whole points.",
            BallotMessages.Instructions(_tenCappedAtFive.Describe()));
        Assert.Equal(
            "Give out all 10 points over the projects you support. Use whole points.",
            BallotMessages.Instructions(_allTen.Describe()));
    }
}
