namespace Buurtbudget.Cli.Tests;

/// <summary>A wrong command line exits with 2 and says what is wrong, followed by the usage.</summary>
public sealed class ArgumentErrorTests : IDisposable
{
    private readonly TempPbFile _file = new(HandMadeElection.Text);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void An_unknown_rule_is_a_usage_error_that_lists_the_rules()
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", "borda");

        AssertUsageError(run, "'borda'");
        Assert.Contains("greedy-per-cost", run.Error, StringComparison.Ordinal);
        Assert.Contains("phragmen", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("greedy", "--utility", "approval")]
    [InlineData("greedy-per-cost", "--utility", "cost")]
    [InlineData("phragmen", "--completion", "add1")]
    [InlineData("greedy", "--completion", "none")]
    public void Utility_and_completion_with_a_rule_other_than_equal_shares_is_a_usage_error(
        string rule, string option, string value)
    {
        var run = CliRun.Of("outcome", _file.Path, "--rule", rule, option, value);

        AssertUsageError(run, $"{option} only applies to --rule mes");
        Assert.Contains($"not to --rule {rule}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_rule_is_a_usage_error()
    {
        AssertUsageError(CliRun.Of("outcome", _file.Path), "--rule");
    }

    [Fact]
    public void A_missing_file_argument_is_a_usage_error()
    {
        AssertUsageError(CliRun.Of("outcome", "--rule", "mes"), "Required argument missing");
    }

    [Fact]
    public void An_unknown_completion_is_a_usage_error()
    {
        AssertUsageError(CliRun.Of("outcome", _file.Path, "--rule", "mes", "--completion", "add2"), "'add2'");
    }

    [Fact]
    public void No_command_at_all_is_a_usage_error_that_lists_the_commands()
    {
        var run = CliRun.Of();

        AssertUsageError(run, "command");
        Assert.Contains("outcome", run.Error, StringComparison.Ordinal);
        Assert.Contains("check", run.Error, StringComparison.Ordinal);
        Assert.Contains("bench", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_not_an_error()
    {
        var run = CliRun.Of("outcome", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--tie-break", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_iterations_below_one_is_a_usage_error()
    {
        AssertUsageError(CliRun.Of("bench", "--iterations", "0"), "--iterations must be at least 1");
    }

    [Fact]
    public void Bench_iterations_that_are_not_a_number_is_a_usage_error()
    {
        AssertUsageError(CliRun.Of("bench", "--iterations", "many"), "many");
    }

    [Fact]
    public void Bench_with_a_pabulib_folder_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"buurtbudget-missing-{Guid.NewGuid():N}");

        AssertUsageError(CliRun.Of("bench", "--quick", "--pabulib", missing), $"--pabulib {missing}: no such folder");
    }

    [Fact]
    public void Bench_rejects_options_it_does_not_have()
    {
        AssertUsageError(CliRun.Of("bench", "--rule", "mes"), "--rule");
    }

    private static void AssertUsageError(CliRun run, string fragment)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
