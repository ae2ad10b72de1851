using System.Globalization;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>Writes the ledger benchmark as Markdown for docs/performance.md: the cases, then the ratios that matter.</summary>
internal static class LedgerBenchMarkdown
{
    public static void Write(LedgerBenchReport report, TextWriter writer)
    {
        writer.WriteLine($"### Ledger benchmark of {report.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        writer.WriteLine();
        writer.WriteLine($"- command: `{report.CommandLine}`");
        writer.WriteLine($"- machine: {report.Machine}");
        writer.WriteLine("- method: closed loop, every writer waits for each durable commit before the next (as a voter waits for a "
            + "receipt); all cases in the same run on the same machine; PostgreSQL is a throwaway cluster on 127.0.0.1 with "
            + "fsync and synchronous_commit on; SQLite uses WAL with synchronous=FULL. Compare ratios, not absolute numbers.");
        writer.WriteLine();
        writer.WriteLine("| store | case | writers | operations | ops/s | p50 | p99 | entries per commit |");
        writer.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in report.Results)
        {
            var p50 = r.P50Ms is { } p ? Ms(p) : r.AverageMs is { } a ? $"avg {Ms(a)}" : "–";
            var p99 = r.P99Ms is { } q ? Ms(q) : "–";
            var perCommit = r.EntriesPerCommit is { } e ? e.ToString("0.0", CultureInfo.InvariantCulture) : "1";
            writer.WriteLine($"| {r.Store} | {r.Name} | {r.Writers} | {r.Operations} | {r.PerSecond.ToString("0", CultureInfo.InvariantCulture)} | {p50} | {p99} | {perCommit} |");
        }

        writer.WriteLine();
        foreach (var (label, ratio) in report.Ratios)
        {
            writer.WriteLine($"- {label}: **{ratio.ToString("0.00", CultureInfo.InvariantCulture)}×**");
        }
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";
}
