using System.Globalization;

namespace Buurtbudget.Cli.Bench;

/// <summary>Writes a <see cref="BenchReport"/> as Markdown, ready to paste into docs/performance.md.</summary>
internal static class BenchMarkdown
{
    public static void Write(BenchReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteLine($"### Benchmark of {report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        writer.WriteLine();
        writer.WriteLine($"- command: `{report.CommandLine}`");
        writer.WriteLine($"- machine: {report.Machine}");
        writer.WriteLine($"- date: {report.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        writer.WriteLine($"- method: after warm-up, the median of up to {report.Iterations} rounds per case (fewer when a case "
            + $"would take over {BenchRunner.CaseBudget.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s); "
            + "the measured work and its baseline alternate within every round (a baseline much cheaper than the work runs "
            + "several times per round), so both see the same machine noise: compare ratios, not absolute times");
        writer.WriteLine();
        writer.WriteLine("| case | data | runs | median | baseline | baseline runs | baseline median | ratio | target |");
        writer.WriteLine("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |");
        foreach (var c in report.Cases)
        {
            var target = c.TargetMs is { } t
                ? $"≤ {BenchRunner.Format(t)}: {(c.TargetMet == true ? "met" : "**missed**")}"
                : "–";
            var baselineMedian = BenchRunner.Format(c.BaselineMs) + (c.BaselineExtrapolated ? " (estimate)" : "");
            writer.WriteLine(
                $"| {c.Name} | {c.Data} | {c.Runs} | {BenchRunner.Format(c.MedianMs)} | {c.Baseline} | {c.BaselineRuns} | {baselineMedian} | {BenchRunner.Ratio(c.Ratio)} | {target} |");
        }

        writer.WriteLine();
        foreach (var c in report.Cases)
        {
            writer.WriteLine($"- {Summary(c)}");
            foreach (var note in c.Notes)
            {
                writer.WriteLine($"  - {note}");
            }
        }
    }

    /// <summary>E.g. "Poland_Lodz_2022: MES = 6.2 × one pass over all ballots".</summary>
    private static string Summary(BenchCase c)
    {
        var data = c.Data[..c.Data.IndexOf(' ', StringComparison.Ordinal)];
        var faster = c.Ratio is double ratio and > 0 and < 1
            ? $" ({(1 / ratio).ToString("0", CultureInfo.InvariantCulture)}× faster)"
            : "";
        return $"{data}: {c.ShortName} = {BenchRunner.Ratio(c.Ratio)} {c.Baseline}{faster}";
    }
}
