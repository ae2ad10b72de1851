using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Buurtbudget.Cli.Tests;

/// <summary><c>buurtbudget bench-ballots</c>: bounded options, and quick real runs whose numbers are sane.</summary>
public sealed class BenchBallotsTests
{
    [Theory]
    [InlineData("--seconds", "0")]
    [InlineData("--clients", "49")]
    [InlineData("--neighbourhoods", "0")]
    [InlineData("--neighbourhoods", "65")]
    [InlineData("--max-ballots", "0")]
    [InlineData("--activation-ballots", "-1")]
    [InlineData("--activation-runs", "0")]
    [InlineData("--warm-up", "-1")]
    [InlineData("--warm-up", "601")]
    public void Out_of_range_bounds_are_usage_errors(string option, string value)
    {
        var run = CliRun.Of("bench-ballots", option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{option} must be between", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quick_run_prints_every_case_its_ratios_and_both_activations_on_both_stores()
    {
        var run = CliRun.Of("bench-ballots", "--quick");

        Assert.Equal(0, run.ExitCode);
        foreach (var store in new[] { "SQLite", "PostgreSQL" })
        {
            Assert.Contains($"| {store} | ballots through the grain, 1 neighbourhood | 4 |", run.Output, StringComparison.Ordinal);
            Assert.Contains($"| {store} | ballots through the grain, 2 neighbourhoods | 4 |", run.Output, StringComparison.Ordinal);
            Assert.Contains($"| {store} | one INSERT + COMMIT per entry |", run.Output, StringComparison.Ordinal);
            Assert.Contains($"- {store}, ballots through the grain, 2 neighbourhoods: ballots/s ÷ one INSERT + COMMIT per entry: **", run.Output, StringComparison.Ordinal);
            Assert.Contains($"| {store} | 1 | half of peak: open loop |", run.Output, StringComparison.Ordinal);
            Assert.Contains($"| {store} | 500 | snapshot at entry ", run.Output, StringComparison.Ordinal);
            Assert.Contains($"| {store} | 500 | first entry (snapshots ignored) | 100 | ", run.Output, StringComparison.Ordinal);
        }
        // The index case fills as many digests as the biggest neighbourhood of the run (the activation's 500).
        Assert.Matches(@"\| one dictionary \| 500 \| \d+ \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \|", run.Output);
        Assert.Matches(@"\| digest map \(64 shards\) \| 500 \| \d+ \| [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \|", run.Output);
        Assert.Matches(@"- longest insert, one dictionary ÷ digest map \(64 shards\): \*\*[\d.]+×\*\*", run.Output);
    }

    [Fact]
    public void A_profiled_run_says_where_the_half_load_ballots_spent_their_time_and_how_busy_the_machine_was()
    {
        var run = CliRun.Of("bench-ballots", "--quick", "--profile", "--stores", "sqlite", "--activation-ballots", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("profile of SQLite: ballots through the grain, 1 neighbourhood, open loop at ", run.Error, StringComparison.Ordinal);
        Assert.Contains("grain queue + turn (started → append): ", run.Error, StringComparison.Ordinal);
        var busy = Regex.Match(run.Error, @"machine CPU busy (\d+) % \(this process (\d+) % of the (\d+) cores\)");
        Assert.True(busy.Success, run.Error);
        Assert.InRange(int.Parse(busy.Groups[1].Value, CultureInfo.InvariantCulture), 1, 100);
        Assert.InRange(int.Parse(busy.Groups[2].Value, CultureInfo.InvariantCulture), 1, 100);
        Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), busy.Groups[3].Value);
    }

    [Fact]
    public void A_run_without_a_census_lets_any_signed_in_resident_vote_and_says_so()
    {
        // The run fails by itself when turnout differs from the receipts; without a census nobody is enrolled, so a
        // cycle that still required one would refuse every ballot.
        var run = CliRun.Of("bench-ballots", "--quick", "--eligibility", "signed-in", "--stores", "sqlite", "--activation-ballots", "0");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("any signed-in resident may vote (no census", run.Output, StringComparison.Ordinal);
        Assert.Contains("| SQLite | ballots through the grain, 1 neighbourhood | 4 |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_eligibility_is_a_usage_error()
    {
        var run = CliRun.Of("bench-ballots", "--eligibility", "everyone");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("everyone", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_ballot_that_got_a_receipt_is_counted_and_the_json_numbers_add_up()
    {
        // The run itself fails when the neighbourhoods count a different turnout than the receipts handed out;
        // this checks what it reports is consistent with that.
        var run = CliRun.Of("bench-ballots", "--quick", "--json", "--neighbourhoods", "3", "--activation-ballots", "0");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var ballotRows = root.GetProperty("throughput").EnumerateArray().Where(r => r.TryGetProperty("commits", out _)).ToList();
        Assert.Equal(2, ballotRows.Count);
        Assert.All(ballotRows, r =>
        {
            // Bounded by the census (300) or by the second, whichever comes first.
            var ballots = r.GetProperty("operations").GetInt64();
            Assert.InRange(ballots, 1, 300);
            Assert.InRange(r.GetProperty("commits").GetInt64(), 1, ballots);
            Assert.True(r.GetProperty("perSecond").GetDouble() > 0);
        });
        Assert.All(root.GetProperty("latency").EnumerateArray(), r =>
        {
            Assert.Equal(3, r.GetProperty("neighbourhoods").GetInt32());
            Assert.InRange(r.GetProperty("p50Ms").GetDouble(), 0, r.GetProperty("p99Ms").GetDouble());
        });
        Assert.Empty(root.GetProperty("activation").EnumerateArray());
        var growth = root.GetProperty("indexGrowth").EnumerateArray().ToList();
        Assert.Equal(["one dictionary", "digest map (64 shards)"], growth.Select(g => g.GetProperty("index").GetString()));
        Assert.All(growth, g =>
        {
            Assert.Equal(300, g.GetProperty("entries").GetInt32()); // no activation: the census of a case
            Assert.InRange(g.GetProperty("medianLongestInsertMs").GetDouble(), 0, g.GetProperty("maxLongestInsertMs").GetDouble());
            Assert.InRange(g.GetProperty("medianLongestInsertMs").GetDouble(), 0, g.GetProperty("medianTotalMs").GetDouble());
        });
        Assert.Contains(root.GetProperty("ratios").EnumerateArray(), r => r.GetProperty("ratio").GetDouble() > 0);
    }
}
