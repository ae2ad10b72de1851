using System.Diagnostics;
using Buurtbudget.Cli.Bench.Ledger;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// Issues operations at a fixed rate whether or not earlier ones have finished (as voters arrive independently of
/// each other), and measures every operation's latency from when it was scheduled, not from when it got to start:
/// a stall then shows in the latencies of everything that queued behind it instead of hiding (coordinated omission).
/// </summary>
internal static class OpenLoop
{
    public sealed record Outcome(long Operations, double Seconds, double P50Ms, double P99Ms);

    public static async Task<Outcome> RunAsync(double perSecond, TimeSpan duration, long maxOperations, Func<long, Task> operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        long count = Math.Min(maxOperations, Math.Max(1, (long)(perSecond * duration.TotalSeconds)));
        var latencies = new double[count];
        // Counts what is still running instead of keeping every call's task: a finished task kept to the end would
        // outlive a few collections, and the benchmark would measure its own garbage collector's copying.
        long running = count;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Exception? failure = null;
        long start = Stopwatch.GetTimestamp();
        await Testing.OpenLoopPacer.RunAsync(perSecond, count, (index, scheduled) =>
        {
            // On the thread pool, as a server request would be: the schedule never waits for a call's synchronous part.
            _ = Task.Run(async () =>
            {
                try
                {
                    await operation(scheduled).ConfigureAwait(false);
                    latencies[index] = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
                }
                catch (Exception exception)
                {
                    Interlocked.CompareExchange(ref failure, exception, null);
                }
                if (Interlocked.Decrement(ref running) == 0)
                {
                    allDone.SetResult();
                }
            });
        }).ConfigureAwait(false);
        await allDone.Task.ConfigureAwait(false);
        if (failure is not null)
        {
            throw new InvalidOperationException("An operation of the open loop failed; its numbers would mean nothing.", failure);
        }
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Array.Sort(latencies);
        return new Outcome(count, seconds, ClosedLoop.Percentile(latencies, 0.50), ClosedLoop.Percentile(latencies, 0.99));
    }
}
