namespace Buurtbudget.Cli.Tests;

/// <summary><c>buurtbudget bench-ledger</c>: bounded options, and one tiny real run that prints every case and ratio.</summary>
public sealed class BenchLedgerTests
{
    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--writers", "0")]
    [InlineData("--writers", "49")]
    [InlineData("--max-operations", "0")]
    public void Out_of_range_bounds_are_usage_errors(string option, string value)
    {
        var run = CliRun.Of("bench-ledger", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{option} must be between", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tiny_run_measures_group_commit_next_to_its_baselines_on_both_stores()
    {
        var run = CliRun.Of("bench-ledger", "--seconds", "1", "--writers", "4", "--max-operations", "200");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("| SQLite | ledger append (group commit) | 4 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| SQLite | one INSERT + COMMIT per entry | 1 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| PostgreSQL | ledger append (group commit) | 4 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("| PostgreSQL | one INSERT + COMMIT per entry | 4 |", run.Output, StringComparison.Ordinal);
        Assert.Contains("SQLite: ledger appends/s ÷ one INSERT + COMMIT per entry", run.Output, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL: ledger appends/s ÷ one INSERT + COMMIT per entry", run.Output, StringComparison.Ordinal);
    }
}
