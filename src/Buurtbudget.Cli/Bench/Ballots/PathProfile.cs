using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// Where the time of each profiled ballot went, from <see cref="BallotTrace"/> stamps: waiting for a thread-pool
/// thread, waiting for and running the grain's turn up to the append, waiting for the commit, and getting the receipt
/// back from the commit. Each stage is shown over all ballots and over the slowest 1 %, so the tail's cause shows.
/// </summary>
internal static class PathProfile
{
    public static string Describe(IReadOnlyCollection<BallotTrace> traces)
    {
        var done = traces.Where(t => t.Returned != 0 && t.Committed != 0 && t.Appended != 0).ToArray();
        if (done.Length == 0)
        {
            return "no profiled ballot completed";
        }
        var slowest = done.OrderByDescending(t => t.Returned - t.Scheduled).Take(Math.Max(1, done.Length / 100)).ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{done.Length} ballots; stage: p50 / p99 over all, mean over the slowest 1 % ({slowest.Length})");
        Stage(text, "pool wait (scheduled → started)", done, slowest, t => t.Started - t.Scheduled);
        Stage(text, "grain queue + turn (started → append)", done, slowest, t => t.Appended - t.Started);
        Stage(text, "ledger (append → durable)", done, slowest, t => t.Committed - t.Appended);
        Stage(text, "back to caller (durable → receipt)", done, slowest, t => t.Returned - t.Committed);
        Stage(text, "total", done, slowest, t => t.Returned - t.Scheduled);
        return text.ToString();
    }

    /// <summary>
    /// The snapshot writes that overlapped the profiled ballots, and how many of all ballots and of the slowest 1 %
    /// were in the ledger while one was being written: if snapshots cause the tail, the second share is far larger.
    /// </summary>
    public static string DescribeSnapshots(IReadOnlyCollection<BallotTrace> traces, IEnumerable<(long Started, long Ended, int Bytes)> writes)
    {
        var done = traces.Where(t => t.Returned != 0 && t.Committed != 0 && t.Appended != 0).ToArray();
        if (done.Length == 0)
        {
            return "snapshots: no profiled ballot completed";
        }
        long from = done.Min(t => t.Scheduled), to = done.Max(t => t.Returned);
        var during = writes.Where(w => w.Ended > from && w.Started < to).OrderBy(w => w.Started).ToArray();
        if (during.Length == 0)
        {
            return "snapshots: none written during the profiled ballots";
        }
        bool InLedgerDuringWrite(BallotTrace t) => during.Any(w => t.Appended < w.Ended && t.Committed > w.Started);
        var slowest = done.OrderByDescending(t => t.Returned - t.Scheduled).Take(Math.Max(1, done.Length / 100)).ToArray();
        var longest = during.Max(w => w.Ended - w.Started);
        return string.Create(CultureInfo.InvariantCulture,
            $"snapshots: {during.Length} written during the profiled ballots, {during.Sum(w => (long)w.Bytes) / 1e6:0.0} MB, longest write {Ms(longest):0.0} ms; "
            + $"in the ledger while one was written: {done.Count(InLedgerDuringWrite) / (double)done.Length:P1} of all ballots, "
            + $"{slowest.Count(InLedgerDuringWrite) / (double)slowest.Length:P1} of the slowest 1 %");
    }

    private static void Stage(StringBuilder text, string name, BallotTrace[] all, BallotTrace[] slowest, Func<BallotTrace, long> ticks)
    {
        var ms = all.Select(t => Ms(ticks(t))).Order().ToArray();
        double p50 = ms[Math.Max(0, (int)Math.Ceiling(0.5 * ms.Length) - 1)];
        double p99 = ms[Math.Max(0, (int)Math.Ceiling(0.99 * ms.Length) - 1)];
        double tail = slowest.Average(t => Ms(ticks(t)));
        text.Append(CultureInfo.InvariantCulture, $"\n    {name}: {p50:0.00} / {p99:0.00} ms; slowest 1 %: {tail:0.00} ms");
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
