using System.Diagnostics;

namespace Buurtbudget.LoadBench;

/// <summary>The two ways load is offered: as fast as N clients can go (peak), and at a fixed rate (latency).</summary>
internal static class Load
{
    public sealed record Result(long Operations, long Errors, double Seconds, Percentiles Latency)
    {
        public double PerSecond => Operations / Seconds;
    }

    /// <summary>Requests that failed without an answer, by exception type.</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, int> Exceptions { get; } = new();

    /// <summary>A failed request (refused, reset, timed out) counts as an error; it does not end the benchmark.</summary>
    private static async Task<bool> Guarded(Func<Task<bool>> operation)
    {
        try
        {
            return await operation();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // The innermost message says what happened on the wire (refused, reset, broken pipe, timed out).
            var inner = exception;
            while (inner.InnerException is { } next)
            {
                inner = next;
            }
            Exceptions.AddOrUpdate($"{exception.GetType().Name} ({inner.Message})", 1, (_, n) => n + 1);
            return false;
        }
    }

    /// <summary>N clients, each sending its next request when the previous one answered, until the time is up.</summary>
    public static async Task<Result> ClosedLoopAsync(int clients, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        var perClient = new List<double>[clients];
        long errors = 0;
        var start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = perClient[client] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < end)
            {
                long sent = Stopwatch.GetTimestamp();
                bool ok = await Guarded(() => operation(client));
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var all = perClient.SelectMany(l => l).ToList();
        return new Result(all.Count, errors, seconds, new Percentiles(all));
    }

    /// <summary>
    /// Requests at a fixed rate whether or not earlier ones have answered (voters do not wait for each other). Latency
    /// counts from when a request was due, not from when it got sent, so a stall shows in everything queued behind it.
    /// </summary>
    public static async Task<Result> OpenLoopAsync(double perSecond, TimeSpan duration, Func<long, Task<bool>> operation)
    {
        long count = Math.Max(1, (long)(perSecond * duration.TotalSeconds));
        var latencies = new double[count];
        var inFlight = new Task[count];
        long errors = 0;
        long start = Stopwatch.GetTimestamp();
        await Testing.OpenLoopPacer.RunAsync(perSecond, count, (index, due) => inFlight[index] = Task.Run(async () =>
        {
            if (!await Guarded(() => operation(index)))
            {
                Interlocked.Increment(ref errors);
            }
            latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        }));
        await Task.WhenAll(inFlight);
        return new Result(count, errors, Stopwatch.GetElapsedTime(start).TotalSeconds, new Percentiles(latencies));
    }
}
