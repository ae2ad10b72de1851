using Buurtbudget.Domain.Ballots;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Tests.Ballots;

public class ApprovalDesignTests
{
    private static readonly ApprovalDesign _twoToThree = new(minProjects: 2, maxProjects: 3);

    [Fact]
    public void Approval_ballot_with_exactly_the_minimum_is_accepted()
    {
        Assert.True(_twoToThree.Validate(CastBallot.OfMarks("a", "b"), Ballot.Named(5)).IsValid);
    }

    [Fact]
    public void Approval_ballot_with_exactly_the_maximum_is_accepted()
    {
        Assert.True(_twoToThree.Validate(CastBallot.OfMarks("a", "b", "c"), Ballot.Named(5)).IsValid);
    }

    [Fact]
    public void Approval_design_without_a_maximum_accepts_every_project()
    {
        var design = new ApprovalDesign();

        Assert.True(design.Validate(CastBallot.OfMarks("a", "b", "c", "d", "e"), Ballot.Named(5)).IsValid);
    }

    [Fact]
    public void Approval_ballot_with_one_project_too_many_is_rejected_with_the_number_to_remove()
    {
        var validation = _twoToThree.Validate(CastBallot.OfMarks("a", "b", "c", "d"), Ballot.Named(5));

        var problem = Assert.Single(validation.Problems);
        Assert.Equal(TooManyProjects, problem.Code);
        Assert.Equal(3, problem.Limit);
        Assert.Equal(4, problem.Actual);
        Assert.Equal<string>(["a", "b", "c", "d"], problem.ProjectIds);
        Assert.Equal("You chose 4 projects; this ballot allows at most 3. Remove 1 project.", problem.Message);
    }

    [Fact]
    public void Approval_ballot_with_too_few_projects_is_rejected_with_the_number_to_add()
    {
        var design = new ApprovalDesign(minProjects: 4);

        var problem = Assert.Single(design.Validate(CastBallot.OfMarks("a"), Ballot.Named(5)).Problems);

        Assert.Equal(TooFewProjects, problem.Code);
        Assert.Equal((4m, 1m), (problem.Limit, problem.Actual));
        Assert.Equal("You chose 1 project; this ballot needs at least 4. Choose 3 more projects.", problem.Message);
    }

    [Fact]
    public void Empty_approval_ballot_is_rejected_as_empty_without_a_second_too_few_problem()
    {
        var problem = Assert.Single(_twoToThree.Validate(CastBallot.OfMarks(), Ballot.Named(5)).Problems);

        Assert.Equal(EmptyBallot, problem.Code);
        Assert.Equal((2m, 0m), (problem.Limit, problem.Actual));
        Assert.Equal("You have not chosen any projects. Choose at least 2 projects.", problem.Message);
    }

    [Fact]
    public void Approval_ballot_naming_a_project_not_on_the_ballot_is_rejected()
    {
        var problem = Assert.Single(_twoToThree.Validate(CastBallot.OfMarks("a", "zz"), Ballot.Named(3)).Problems);

        Assert.Equal(UnknownProject, problem.Code);
        Assert.Equal<string>(["zz"], problem.ProjectIds);
        Assert.Equal("Project 'zz' is not on this ballot. Remove it.", problem.Message);
    }

    [Fact]
    public void Project_ids_are_compared_exactly_so_a_different_case_is_another_project()
    {
        var validation = _twoToThree.Validate(CastBallot.OfMarks("a", "B"), Ballot.Named(3));

        Assert.Equal([UnknownProject], validation.Codes());
    }

    [Fact]
    public void Approval_ballot_naming_a_project_twice_is_rejected_with_how_often()
    {
        var validation = _twoToThree.Validate(CastBallot.OfMarks("a", "b", "a", "a"), Ballot.Named(3));

        var problem = Assert.Single(validation.Problems);
        Assert.Equal(DuplicateProject, problem.Code);
        Assert.Equal(3, problem.Actual);
        Assert.Equal("You chose project 'a' 3 times; each project can be chosen only once.", problem.Message);
    }

    [Fact]
    public void Approval_ballot_with_a_number_other_than_one_is_rejected_rather_than_read_as_a_mark()
    {
        var ballot = CastBallot.OfPoints(("a", 1), ("b", 2), ("c", 0));

        var validation = _twoToThree.Validate(ballot, Ballot.Named(3));

        Assert.Equal([InvalidMark, InvalidMark], validation.Codes());
        Assert.Equal((1m, 2m), (validation.Problems[0].Limit, validation.Problems[0].Actual));
        Assert.Equal("Project 'b' is marked with 2; a project is either chosen (marked with 1) or left off.", validation.Problems[0].Message);
        Assert.Equal<string>(["c"], validation.Problems[1].ProjectIds);
    }

    [Fact]
    public void Approval_ballot_with_several_problems_reports_all_of_them_at_once()
    {
        var ballot = CastBallot.OfMarks("a", "x", "b", "a", "c");

        var validation = _twoToThree.Validate(ballot, Ballot.Named(3));

        Assert.Equal([DuplicateProject, UnknownProject, TooManyProjects], validation.Codes());
        Assert.Equal(4, validation.Single(TooManyProjects).Actual);
    }

    [Fact]
    public void Approval_ballot_that_breaks_the_design_is_never_trimmed_into_approvals()
    {
        var ballot = CastBallot.OfMarks("a", "b", "c", "d");

        var error = Assert.Throws<InvalidBallotException>(() => _twoToThree.ToApprovedProjects(ballot, Ballot.Named(5)));

        Assert.Equal([TooManyProjects], error.Problems.Select(p => p.Code));
        Assert.Contains("Remove 1 project.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_approval_ballot_becomes_the_approved_ids_in_ballot_order()
    {
        var approved = _twoToThree.ToApprovedProjects(CastBallot.OfMarks("c", "a"), Ballot.Named(3));

        Assert.Equal<string>(["c", "a"], approved);
    }

    [Fact]
    public void Approval_design_needs_at_least_one_project()
    {
        Assert.Throws<ArgumentOutOfRangeException>("minProjects", () => new ApprovalDesign(minProjects: 0));
    }

    [Fact]
    public void Approval_design_with_a_maximum_below_its_minimum_is_impossible()
    {
        var error = Assert.Throws<ArgumentException>("maxProjects", () => new ApprovalDesign(minProjects: 3, maxProjects: 2));

        Assert.Contains("maxProjects (2) is below minProjects (3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approval_design_may_ask_for_an_exact_number_of_projects()
    {
        var design = new ApprovalDesign(minProjects: 2, maxProjects: 2);

        Assert.True(design.Validate(CastBallot.OfMarks("a", "b"), Ballot.Named(3)).IsValid);
        Assert.Equal("Choose exactly 2 projects.", BallotMessages.Instructions(design.Describe()));
    }

    [Fact]
    public void Approval_design_describes_itself_as_plain_data()
    {
        Assert.Equal(new BallotDescription(BallotKind.Approval, 2, 3), _twoToThree.Describe());
        Assert.Equal("Choose between 2 and 3 projects.", BallotMessages.Instructions(_twoToThree.Describe()));
    }

    [Fact]
    public void Approval_designs_with_the_same_parameters_are_equal()
    {
        Assert.Equal(new ApprovalDesign(2, 3), _twoToThree);
        Assert.NotEqual<BallotDesign>(new ApprovalDesign(2, 4), _twoToThree);
    }
}
