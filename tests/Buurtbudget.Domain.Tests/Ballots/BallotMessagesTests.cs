using System.Collections.Immutable;
using System.Globalization;
using Buurtbudget.Domain.Ballots;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Tests.Ballots;

public class BallotMessagesTests
{
    public static TheoryData<decimal, string> Amounts => new()
    {
        { 0m, "€0" },
        { 12_400m, "€12,400" },
        { 10_000.00m, "€10,000" },
        { 12_400.5m, "€12,400.50" },
        { 0.01m, "€0.01" },
        { 1_234_567.891m, "€1,234,567.891" },
        { -2_400m, "-€2,400" },
        { decimal.MaxValue, "€79,228,162,514,264,337,593,543,950,335" },
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Money_is_shown_in_euros_with_thousands_separators_and_cents_only_when_there_are_any(decimal amount, string expected)
    {
        Assert.Equal(expected, BallotMessages.Euros(amount));
    }

    [Fact]
    public void Messages_ignore_the_current_culture()
    {
        var commaDecimals = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimals.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimals.NumberFormat.NumberGroupSeparator = ".";
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = commaDecimals;
            var problem = new BallotProblem(OverSpendingLimit, [], 10_000m, 12_400.5m);

            Assert.Equal("Your choices cost €12,400.50; the limit is €10,000. Remove projects worth at least €2,400.50.", problem.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Every_problem_code_has_its_own_message()
    {
        foreach (var code in Enum.GetValues<BallotProblemCode>())
        {
            var message = new BallotProblem(code, ["p"], 3, 7).Message;

            Assert.DoesNotContain("does not follow the rules", message, StringComparison.Ordinal);
            Assert.EndsWith(".", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Counts_of_one_are_singular_and_others_plural()
    {
        Assert.Equal(
            "You gave out 2 points; you have 1 point. Take back 1 point.",
            new BallotProblem(TooManyPoints, ["a"], 1, 2).Message);
        Assert.Equal(
            "You chose 1 project; this ballot needs at least 2. Choose 1 more project.",
            new BallotProblem(TooFewProjects, ["a"], 2, 1).Message);
    }

    [Fact]
    public void Messages_for_absurd_numbers_do_not_overflow()
    {
        var problem = new BallotProblem(OverSpendingLimit, [], decimal.MinValue, decimal.MaxValue);

        Assert.StartsWith("Your choices cost €79,228,162,514,264,337,593,543,950,335;", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_problem_made_without_projects_lists_none()
    {
        var problem = new BallotProblem(EmptyBallot, default, 1, 0);

        Assert.Empty(problem.ProjectIds);
        Assert.Equal("You have not chosen any projects. Choose at least 1 project.", problem.Message);
    }

    [Fact]
    public void Problems_with_the_same_data_are_equal()
    {
        var one = new BallotProblem(UnknownProject, ImmutableArray.Create("x"), null, null);
        var other = new BallotProblem(UnknownProject, ImmutableArray.Create("x"), null, null);

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.NotEqual(one, new BallotProblem(UnknownProject, ["y"], null, null));
    }

    [Theory]
    [InlineData(1, null, "Choose at least 1 project.")]
    [InlineData(2, null, "Choose at least 2 projects.")]
    [InlineData(1, 1, "Choose exactly 1 project.")]
    [InlineData(1, 3, "Choose up to 3 projects.")]
    [InlineData(2, 5, "Choose between 2 and 5 projects.")]
    public void Approval_instructions_state_the_range_of_projects(int min, int? max, string expected)
    {
        Assert.Equal(expected, BallotMessages.Instructions(new ApprovalDesign(min, max).Describe()));
    }
}
