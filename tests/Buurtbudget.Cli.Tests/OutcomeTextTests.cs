using System.Text.RegularExpressions;

namespace Buurtbudget.Cli.Tests;

public sealed class OutcomeTextTests : IDisposable
{
    private readonly TempPbFile _file = new(HandMadeElection.Text);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Greedy_funds_the_most_voted_projects_that_fit_and_prints_them_sorted_with_totals()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "greedy");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal("greedy (tie-break: default)", run.Field("rule:"));
        Assert.Equal("2, 7", run.Field("selected:"));
        Assert.Equal("2 of 4 projects", run.Field("count:"));
        Assert.Equal("100", run.Field("total cost:"));
        Assert.Equal("100", run.Field("budget:"));
        Assert.Equal("100.0 %", run.Field("budget used:"));
        Assert.DoesNotContain("endowment:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Greedy_per_cost_funds_the_most_votes_per_unit_of_cost_first()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "greedy-per-cost");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("12, 2, 5", run.Field("selected:"));
        Assert.Equal("80", run.Field("total cost:"));
        Assert.Equal("80.0 %", run.Field("budget used:"));
    }

    [Fact]
    public void Equal_shares_funds_what_each_group_can_pay_from_its_shares_and_prints_the_endowment()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("mes-cost (tie-break: default)", run.Field("rule:"));
        Assert.Equal("12, 7", run.Field("selected:"));
        Assert.Equal("90", run.Field("total cost:"));
        Assert.Equal("90.0 %", run.Field("budget used:"));
        Assert.Equal("10 per voter (exactly 10)", run.Field("endowment:"));
        Assert.Equal("0 (1 Equal Shares runs)", run.Field("add1 steps:"));
    }

    [Fact]
    public void Equal_shares_with_add1_keeps_the_last_step_before_the_outcome_would_overspend()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes", "--completion", "add1");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("mes-cost-add1 (tie-break: default)", run.Field("rule:"));
        Assert.Equal("12, 7", run.Field("selected:"));
        Assert.StartsWith("17 per voter", run.Field("endowment:"), StringComparison.Ordinal);
        Assert.StartsWith("7 ", run.Field("add1 steps:"), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_shares_with_add1_then_greedy_fills_what_is_left()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes", "--completion", "add1-greedy");

        Assert.Equal("12, 5, 7", run.Field("selected:"));
        Assert.Equal("100.0 %", run.Field("budget used:"));
    }

    [Fact]
    public void Phragmen_stops_at_the_first_project_that_does_not_fit()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "phragmen");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("12, 2", run.Field("selected:"));
        Assert.Equal("70", run.Field("total cost:"));
    }

    [Fact]
    public void Explain_prints_a_row_per_project_with_its_verdict_and_round()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes", "--explain");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Output.Split('\n');
        Assert.Contains(rows, r => r.StartsWith("project", StringComparison.Ordinal) && r.Contains("verdict", StringComparison.Ordinal));
        Assert.Matches(@"^7 +60 +6 +6 +funded +1 +price per utility 0\.166666667", Row(rows, "7"));
        Assert.Matches(@"^12 +30 +4 +4 +funded +2 +", Row(rows, "12"));
        Assert.Matches(@"^2 +40 +5 +5 +supporters could not afford +2 +supporters had 0 left", Row(rows, "2"));
        Assert.Contains("supporters could not afford", Row(rows, "5"), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_for_equal_shares_shows_what_the_first_five_voters_had_paid_and_kept()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "mes", "--explain");

        var rows = run.Output.Split('\n');
        Assert.Contains("first 5 of 10 voters:", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"^v1 +10 +7: 10 +0$", Row(rows, "v1"));
        Assert.Equal(5, rows.Count(r => Regex.IsMatch(r, @"^v\d+ ")));
        Assert.DoesNotContain(rows, r => r.StartsWith("v6", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_for_greedy_names_the_money_left_when_each_project_came_up()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "greedy", "--explain");

        var rows = run.Output.Split('\n');
        Assert.Contains("did not fit", Row(rows, "12"), StringComparison.Ordinal);
        Assert.Contains("budget left before 0", Row(rows, "12"), StringComparison.Ordinal);
        Assert.DoesNotContain("first 5", run.Output, StringComparison.Ordinal);
    }

    private static string Row(string[] rows, string id) =>
        rows.Single(r => r.StartsWith(id + " ", StringComparison.Ordinal));
}
