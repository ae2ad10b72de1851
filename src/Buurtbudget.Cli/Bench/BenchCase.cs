using System.Collections.Immutable;

namespace Buurtbudget.Cli.Bench;

/// <summary>
/// One line of the benchmark: a measured median and the baseline it is compared with. The ratio is the number
/// to track over time; the absolute times depend on how busy the machine was.
/// </summary>
/// <param name="Name">What was measured, e.g. <c>MES (cost)</c>.</param>
/// <param name="ShortName">The same in a word or two for the summary line, e.g. <c>MES</c>.</param>
/// <param name="Data">The file and its size.</param>
/// <param name="MedianMs">Median milliseconds of the measured work.</param>
/// <param name="Runs">How many timed runs the medians are taken from (after warm-up).</param>
/// <param name="Baseline">What it is compared with, e.g. <c>one pass over all ballots</c>.</param>
/// <param name="BaselineMs">Median milliseconds of the baseline, or its extrapolation.</param>
/// <param name="BaselineRuns">How many timed runs of the baseline (or of what it is extrapolated from).</param>
/// <param name="BaselineExtrapolated">True when the baseline was too slow to run and was computed from shorter runs.</param>
/// <param name="TargetMs">The performance target for the measured work, if it has one.</param>
/// <param name="Notes">Facts about the run (steps, runs, whether results agreed).</param>
internal sealed record BenchCase(
    string Name,
    string ShortName,
    string Data,
    double MedianMs,
    int Runs,
    string Baseline,
    double BaselineMs,
    int BaselineRuns,
    bool BaselineExtrapolated,
    double? TargetMs,
    ImmutableArray<string> Notes)
{
    /// <summary>Measured time as a multiple of the baseline's; null if the baseline took no measurable time
    /// (JSON has no NaN).</summary>
    public double? Ratio => BaselineMs > 0 ? MedianMs / BaselineMs : null;

    public bool? TargetMet => TargetMs is { } target ? MedianMs <= target : null;
}
