using System.Globalization;
using Buurtbudget.Cli.Bench.Ledger;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>Writes the ballot benchmark as Markdown for docs/performance.md: throughput, latency, activation.</summary>
internal static class BallotBenchMarkdown
{
    public static void Write(BallotBenchReport report, TextWriter writer)
    {
        LedgerBenchMarkdown.WriteHeading("Ballot", report.Date, report.CommandLine, report.Machine, writer);
        writer.WriteLine("- method: real NeighbourhoodGrain activations on the in-process GrainRuntime; "
            + (report.Settings.Eligibility == Eligibility.Census
                ? "voters are enrolled in a census first; "
                : "any signed-in resident may vote (no census, as with an identity provider); ")
            + "each voter casts one "
            + "approval ballot with its own idempotency key and a client waits for the receipt (the ballot is durable) before its next "
            + "voter; the baselines run in the same process on the same stores. PostgreSQL is a throwaway cluster on 127.0.0.1 with "
            + "fsync and synchronous_commit on; SQLite uses WAL with synchronous=FULL. "
            + (report.Settings.WarmUp > TimeSpan.Zero
                ? $"Before each store's cases, {report.Settings.WarmUp.TotalSeconds:0.#} s of unmeasured ballots let the JIT compile the ballot path. "
                : "No warm-up: the first case includes the JIT compiling the ballot path. ")
            + "Compare ratios, not absolute numbers.");
        writer.WriteLine();
        writer.WriteLine("Durable ballots per second:");
        writer.WriteLine();
        LedgerBenchMarkdown.WriteTable(report.Throughput, "clients", writer);
        writer.WriteLine();
        LedgerBenchMarkdown.WriteRatios(report.Ratios, writer);
        writer.WriteLine();
        writer.WriteLine($"Per-ballot latency at peak (closed loop) and at half of peak (open loop, from each ballot's scheduled start; "
            + $"goal p99 ≤ {BallotLatencyResult.TargetP99Ms.ToString(CultureInfo.InvariantCulture)} ms):");
        writer.WriteLine();
        writer.WriteLine("| store | neighbourhoods | load | offered/s | ballots | ballots/s | p50 | p99 | p99 goal |");
        writer.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in report.Latency)
        {
            var offered = r.OfferedPerSecond is { } o ? Whole(o) : "–";
            var goal = r.OfferedPerSecond is null ? "–" : r.P99Ms <= BallotLatencyResult.TargetP99Ms ? "met" : "**missed**";
            writer.WriteLine($"| {r.Store} | {r.Neighbourhoods} | {r.Load} | {offered} | {r.Ballots} | {Whole(r.PerSecond)} | "
                + $"{LedgerBenchMarkdown.Ms(r.P50Ms)} | {LedgerBenchMarkdown.Ms(r.P99Ms)} | {goal} |");
        }

        WriteIndexGrowth(report.IndexGrowth, writer);
        if (report.Activation.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Activation of one neighbourhood (a new runtime, time to the first call's answer; the two kinds alternate):");
        writer.WriteLine();
        writer.WriteLine("| store | ballots | start from | snapshot every | entries replayed | runs | median | min | max |");
        writer.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var a in report.Activation)
        {
            var from = a.SnapshotVersion is { } v ? $"snapshot at entry {v} ({(a.SnapshotBytes ?? 0) / 1_000_000.0:0.0} MB)" : a.WithSnapshot ? "newest snapshot (none was stored)" : "first entry (snapshots ignored)";
            writer.WriteLine($"| {a.Store} | {a.Ballots} | {from} | {a.SnapshotEvery} | {a.EntriesReplayed} | {a.Runs} | "
                + $"{LedgerBenchMarkdown.Ms(a.MedianMs)} | {LedgerBenchMarkdown.Ms(a.MinMs)} | {LedgerBenchMarkdown.Ms(a.MaxMs)} |");
        }
    }

    private static void WriteIndexGrowth(IReadOnlyList<IndexGrowthResult> growth, TextWriter writer)
    {
        if (growth.Count == 0)
        {
            return;
        }
        writer.WriteLine();
        writer.WriteLine("Filling the ballot box's index (no I/O; the longest single insert is a turn every queued ballot waits for):");
        writer.WriteLine();
        writer.WriteLine("| index | entries | runs | whole fill (median) | longest insert (median) | longest insert (max) |");
        writer.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var g in growth)
        {
            writer.WriteLine($"| {g.Index} | {g.Entries} | {g.Runs} | {LedgerBenchMarkdown.Ms(g.MedianTotalMs)} | "
                + $"{LedgerBenchMarkdown.Ms(g.MedianLongestInsertMs)} | {LedgerBenchMarkdown.Ms(g.MaxLongestInsertMs)} |");
        }
        var baseline = growth.FirstOrDefault(g => g.Index == IndexGrowthBench.Dictionary);
        var map = growth.FirstOrDefault(g => g.Index == IndexGrowthBench.Map);
        if (baseline is not null && map is { MedianLongestInsertMs: > 0 })
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"- longest insert, {IndexGrowthBench.Dictionary} ÷ {IndexGrowthBench.Map}: **{baseline.MedianLongestInsertMs / map.MedianLongestInsertMs:0.0}×**"));
        }
    }

    private static string Whole(double value) => value.ToString("0", CultureInfo.InvariantCulture);
}
