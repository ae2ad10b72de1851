using System.Globalization;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>Writes the ledger benchmark as Markdown for docs/performance.md: the cases, then the ratios that matter.</summary>
internal static class LedgerBenchMarkdown
{
    public static void Write(LedgerBenchReport report, TextWriter writer)
    {
        WriteHeading("Ledger", report.Date, report.CommandLine, report.Machine, writer);
        writer.WriteLine("- method: closed loop, every writer waits for each durable commit before the next (as a voter waits for a "
            + "receipt); all cases in the same run on the same machine; PostgreSQL is a throwaway cluster on 127.0.0.1 with "
            + "fsync and synchronous_commit on; SQLite uses WAL with synchronous=FULL. Compare ratios, not absolute numbers.");
        writer.WriteLine();
        WriteTable(report.Results, "writers", writer);
        writer.WriteLine();
        WriteRatios(report.Ratios, writer);
    }

    /// <summary>The heading and the facts every benchmark report starts with; the method line follows.</summary>
    public static void WriteHeading(string what, DateTimeOffset date, string commandLine, MachineFacts machine, TextWriter writer)
    {
        writer.WriteLine($"### {what} benchmark of {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        writer.WriteLine();
        writer.WriteLine($"- command: `{commandLine}`");
        writer.WriteLine($"- machine: {machine}");
    }

    /// <summary>The closed-loop cases as one table; also used by <c>bench-ballots</c> for its throughput cases.</summary>
    public static void WriteTable(IEnumerable<LedgerBenchResult> results, string callers, TextWriter writer)
    {
        writer.WriteLine($"| store | case | {callers} | operations | ops/s | p50 | p99 | entries per commit |");
        writer.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var p50 = r.P50Ms is { } p ? Ms(p) : r.AverageMs is { } a ? $"avg {Ms(a)}" : "–";
            var p99 = r.P99Ms is { } q ? Ms(q) : "–";
            var perCommit = r.EntriesPerCommit is { } e ? e.ToString("0.0", CultureInfo.InvariantCulture) : "1";
            writer.WriteLine($"| {r.Store} | {r.Name} | {r.Writers} | {r.Operations} | {r.PerSecond.ToString("0", CultureInfo.InvariantCulture)} | {p50} | {p99} | {perCommit} |");
        }
    }

    public static void WriteRatios(IEnumerable<(string Label, double Ratio)> ratios, TextWriter writer)
    {
        foreach (var (label, ratio) in ratios)
        {
            writer.WriteLine($"- {label}: **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×**");
        }
    }

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";
}
