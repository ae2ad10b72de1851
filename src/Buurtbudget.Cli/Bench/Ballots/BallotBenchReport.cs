using System.Globalization;
using Buurtbudget.Cli.Bench.Ledger;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>Everything <c>bench-ballots</c> measured, with the ratios of ballots/s to the same-run baselines.</summary>
internal sealed record BallotBenchReport(
    string CommandLine,
    DateTimeOffset Date,
    MachineFacts Machine,
    BallotBenchSettings Settings,
    IReadOnlyList<LedgerBenchResult> Throughput,
    IReadOnlyList<BallotLatencyResult> Latency,
    IReadOnlyList<ActivationResult> Activation)
{
    /// <summary>Filling the ballot box's index against one dictionary (no I/O, once per run).</summary>
    public IReadOnlyList<IndexGrowthResult> IndexGrowth { get; init; } = [];

    /// <summary>The goal: durable ballots/s at least this many times pgbench's one-row INSERT transactions/s.</summary>
    public const double PgbenchGoal = 2;

    /// <summary>Ballot cases are the rows with a commit count; baselines have none.</summary>
    public IReadOnlyList<(string Label, double Ratio)> Ratios
    {
        get
        {
            var ratios = new List<(string, double)>();
            foreach (var ballots in Throughput.Where(r => r.Commits is not null))
            {
                var naive = Throughput.FirstOrDefault(r => r.Store == ballots.Store && r.Name.StartsWith("one INSERT", StringComparison.Ordinal));
                if (naive is { PerSecond: > 0 })
                {
                    ratios.Add(($"{ballots.Store}, {ballots.Name}: ballots/s ÷ one INSERT + COMMIT per entry", ballots.PerSecond / naive.PerSecond));
                }

                var pgbench = Throughput.FirstOrDefault(r => r.Store == ballots.Store && r.Name.StartsWith("pgbench", StringComparison.Ordinal));
                if (pgbench is { PerSecond: > 0 })
                {
                    var ratio = ballots.PerSecond / pgbench.PerSecond;
                    var verdict = ratio >= PgbenchGoal ? "met" : "missed";
                    ratios.Add(($"{ballots.Store}, {ballots.Name}: ballots/s ÷ pgbench one-row INSERT transactions/s "
                        + $"(goal ≥ {PgbenchGoal.ToString(CultureInfo.InvariantCulture)}×: {verdict})", ratio));
                }
            }

            return ratios;
        }
    }
}
