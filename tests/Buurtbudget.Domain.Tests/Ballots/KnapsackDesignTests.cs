using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Tests.Ballots;

public class KnapsackDesignTests
{
    private static readonly IReadOnlyList<Project> _projects =
        Ballot.Projects(("bench", 5_000), ("lights", 4_000), ("garden", 3_400), ("mural", 1_000), ("books", 600.50m));

    private static readonly KnapsackDesign _tenThousand = new(spendingLimit: 10_000);

    [Fact]
    public void Knapsack_ballot_costing_exactly_the_limit_is_accepted()
    {
        var ballot = CastBallot.OfMarks("bench", "lights", "mural");

        Assert.True(_tenThousand.Validate(ballot, _projects).IsValid);
    }

    [Fact]
    public void Knapsack_ballot_over_the_limit_is_rejected_with_the_amount_to_remove()
    {
        var ballot = CastBallot.OfMarks("bench", "lights", "garden");

        var problem = Assert.Single(_tenThousand.Validate(ballot, _projects).Problems);

        Assert.Equal(OverSpendingLimit, problem.Code);
        Assert.Equal((10_000m, 12_400m), (problem.Limit, problem.Actual));
        Assert.Equal<string>(["bench", "lights", "garden"], problem.ProjectIds);
        Assert.Equal("Your choices cost €12,400; the limit is €10,000. Remove projects worth at least €2,400.", problem.Message);
    }

    [Fact]
    public void Knapsack_ballot_one_cent_over_the_limit_is_rejected_and_shows_the_cent()
    {
        var design = new KnapsackDesign(spendingLimit: 5_600.49m);

        var problem = Assert.Single(design.Validate(CastBallot.OfMarks("bench", "books"), _projects).Problems);

        Assert.Equal(OverSpendingLimit, problem.Code);
        Assert.Equal("Your choices cost €5,600.50; the limit is €5,600.49. Remove projects worth at least €0.01.", problem.Message);
    }

    [Fact]
    public void Knapsack_ballot_spending_exactly_the_minimum_is_accepted()
    {
        var design = new KnapsackDesign(spendingLimit: 10_000, minimumSpend: 5_000);

        Assert.True(design.Validate(CastBallot.OfMarks("lights", "mural"), _projects).IsValid);
    }

    [Fact]
    public void Knapsack_ballot_under_the_minimum_spend_is_rejected_with_the_amount_to_add()
    {
        var design = new KnapsackDesign(spendingLimit: 10_000, minimumSpend: 5_000);

        var problem = Assert.Single(design.Validate(CastBallot.OfMarks("garden", "books"), _projects).Problems);

        Assert.Equal(UnderMinimumSpend, problem.Code);
        Assert.Equal((5_000m, 4_000.50m), (problem.Limit, problem.Actual));
        Assert.Equal("Your choices cost €4,000.50; together they must cost at least €5,000. Add projects worth at least €999.50.", problem.Message);
    }

    [Fact]
    public void Empty_knapsack_ballot_is_rejected_as_empty_only_even_with_a_minimum_spend()
    {
        var design = new KnapsackDesign(spendingLimit: 10_000, minimumSpend: 5_000, minProjects: 2);

        var problem = Assert.Single(design.Validate(CastBallot.OfMarks(), _projects).Problems);

        Assert.Equal(EmptyBallot, problem.Code);
        Assert.Equal(2, problem.Limit);
    }

    [Fact]
    public void Knapsack_ballot_within_the_limit_still_respects_the_number_of_projects()
    {
        var design = new KnapsackDesign(spendingLimit: 10_000, minProjects: 2, maxProjects: 3);

        Assert.Equal([TooFewProjects], design.Validate(CastBallot.OfMarks("mural"), _projects).Codes());
        Assert.True(design.Validate(CastBallot.OfMarks("mural", "books"), _projects).IsValid);
        Assert.True(design.Validate(CastBallot.OfMarks("mural", "books", "garden"), _projects).IsValid);
        Assert.Equal([TooManyProjects], design.Validate(CastBallot.OfMarks("mural", "books", "garden", "lights"), _projects).Codes());
    }

    [Fact]
    public void Knapsack_ballot_reports_every_problem_at_once()
    {
        var design = new KnapsackDesign(spendingLimit: 10_000, maxProjects: 3);
        var ballot = CastBallot.OfPoints(("bench", 1), ("lights", 1), ("nowhere", 1), ("garden", 2), ("books", 1));

        var validation = design.Validate(ballot, _projects);

        Assert.Equal([UnknownProject, InvalidMark, TooManyProjects, OverSpendingLimit], validation.Codes());
        Assert.Equal(5, validation.Single(TooManyProjects).Actual);
        Assert.Equal(13_000.50m, validation.Single(OverSpendingLimit).Actual);
    }

    [Fact]
    public void Knapsack_ballot_counts_a_project_named_twice_once_and_reports_the_duplicate()
    {
        var ballot = CastBallot.OfMarks("bench", "bench");

        var validation = _tenThousand.Validate(ballot, _projects);

        Assert.Equal([DuplicateProject], validation.Codes());
    }

    [Fact]
    public void Knapsack_ballot_that_breaks_the_design_is_never_trimmed_into_approvals()
    {
        var ballot = CastBallot.OfMarks("bench", "lights", "garden");

        var error = Assert.Throws<InvalidBallotException>(() => _tenThousand.ToApprovedProjects(ballot, _projects));

        Assert.Equal([OverSpendingLimit], error.Problems.Select(p => p.Code));
    }

    [Fact]
    public void Valid_knapsack_ballot_becomes_the_approved_ids_in_ballot_order()
    {
        var approved = _tenThousand.ToApprovedProjects(CastBallot.OfMarks("mural", "bench"), _projects);

        Assert.Equal<string>(["mural", "bench"], approved);
    }

    [Fact]
    public void Knapsack_total_is_exact_where_decimal_addition_would_round_it_down_to_the_limit()
    {
        var projects = Ballot.Projects(("big", 10_000_000_000_000_000_000_000_000_000m), ("tiny", 0.1m));
        var design = new KnapsackDesign(spendingLimit: 10_000_000_000_000_000_000_000_000_000m);

        Assert.Equal(10_000_000_000_000_000_000_000_000_000m, 10_000_000_000_000_000_000_000_000_000m + 0.1m);
        Assert.Equal([OverSpendingLimit], design.Validate(CastBallot.OfMarks("big", "tiny"), projects).Codes());
    }

    [Fact]
    public void Knapsack_total_beyond_the_range_of_decimal_is_rejected_without_overflowing()
    {
        var projects = Ballot.Projects(("a", decimal.MaxValue), ("b", decimal.MaxValue));
        var design = new KnapsackDesign(spendingLimit: decimal.MaxValue);

        var problem = Assert.Single(design.Validate(CastBallot.OfMarks("a", "b"), projects).Problems);

        Assert.Equal(OverSpendingLimit, problem.Code);
        Assert.Contains("€79,228,162,514,264,337,593,543,950,335", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knapsack_design_needs_a_positive_spending_limit()
    {
        Assert.Throws<ArgumentOutOfRangeException>("spendingLimit", () => new KnapsackDesign(0));
        Assert.Throws<ArgumentOutOfRangeException>("spendingLimit", () => new KnapsackDesign(-1));
    }

    [Fact]
    public void Knapsack_design_rejects_a_negative_minimum_spend()
    {
        Assert.Throws<ArgumentOutOfRangeException>("minimumSpend", () => new KnapsackDesign(100, minimumSpend: -0.01m));
    }

    [Fact]
    public void Knapsack_design_with_a_minimum_spend_above_the_limit_is_impossible()
    {
        var error = Assert.Throws<ArgumentException>("minimumSpend", () => new KnapsackDesign(100, minimumSpend: 100.01m));

        Assert.Contains("(100.01) is above the spending limit (100)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Knapsack_design_may_require_spending_exactly_the_limit()
    {
        var design = new KnapsackDesign(10_000, minimumSpend: 10_000);

        Assert.True(design.Validate(CastBallot.OfMarks("bench", "lights", "mural"), _projects).IsValid);
        Assert.Equal([UnderMinimumSpend], design.Validate(CastBallot.OfMarks("bench", "lights"), _projects).Codes());
    }

    [Fact]
    public void Knapsack_design_with_a_maximum_below_its_minimum_is_impossible()
    {
        Assert.Throws<ArgumentException>("maxProjects", () => new KnapsackDesign(100, minProjects: 2, maxProjects: 1));
        Assert.Throws<ArgumentOutOfRangeException>("minProjects", () => new KnapsackDesign(100, minProjects: 0));
    }

    [Fact]
    public void Knapsack_design_describes_itself_as_plain_data()
    {
        var design = new KnapsackDesign(10_000, minimumSpend: 5_000, minProjects: 1, maxProjects: 4);

        Assert.Equal(new BallotDescription(BallotKind.Knapsack, 1, 4, SpendingLimit: 10_000, MinimumSpend: 5_000), design.Describe());
        Assert.Equal(
            "Choose projects that together cost at least €5,000 and at most €10,000. Choose up to 4 projects.",
            BallotMessages.Instructions(design.Describe()));
        Assert.Equal("Choose projects that together cost at most €10,000.", BallotMessages.Instructions(_tenThousand.Describe()));
    }
}
