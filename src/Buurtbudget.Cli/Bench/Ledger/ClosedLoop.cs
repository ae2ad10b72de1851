using System.Diagnostics;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>
/// Runs <c>writers</c> callers, each doing one durable operation after another (as a voter waits for a receipt),
/// until the time or the operation budget is spent, and records every operation's latency.
/// </summary>
internal static class ClosedLoop
{
    public sealed record Outcome(long Operations, double Seconds, double P50Ms, double P99Ms);

    /// <param name="writerStep">Given the writer's number, returns its step; each call is one durable operation.</param>
    public static async Task<Outcome> RunAsync(int writers, TimeSpan duration, long maxOperations, Func<int, Func<Task>> writerStep)
    {
        long started = 0;
        var latencies = new List<double>[writers];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new Stopwatch();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var step = writerStep(w);
            var mine = latencies[w] = new List<double>(4096);
            await go.Task.ConfigureAwait(false);
            while (clock.Elapsed < duration && Interlocked.Increment(ref started) <= maxOperations)
            {
                long before = Stopwatch.GetTimestamp();
                await step().ConfigureAwait(false);
                mine.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            }
        })).ToArray();

        clock.Start();
        go.SetResult();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Outcome(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>The value at or below which a fraction <paramref name="p"/> of the sorted latencies lie.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
