using System.Diagnostics;
using System.Globalization;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// Samples the process every millisecond on its own thread while a profiled case runs: the thread pool's queue and
/// thread count, and how late the sampler itself wakes (a late wake-up means the process had no CPU: another
/// process had the cores, or the GC had suspended every thread). GC pauses come from the runtime's own totals.
/// </summary>
internal sealed class RuntimeSampler : IDisposable
{
    private readonly Thread _thread;
    private readonly List<(long Queue, int Threads, double LateMs)> _samples = new(16_384);
    private readonly TimeSpan _pauseBefore = GC.GetTotalPauseDuration();
    private readonly int[] _collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly MachineCpu? _machineBefore = MachineCpu.Now();
    private readonly TimeSpan _processBefore = Environment.CpuUsage.TotalTime;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private volatile bool _stop;
    private TimeSpan _longestPause;
    private int _longestPauseGeneration;
    private long _longestPausePromoted;
    private int _lastGcCount = GC.CollectionCount(0);
    private long _lastGcIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;

    public RuntimeSampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "bench sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    private void Run()
    {
        while (!_stop)
        {
            long before = Stopwatch.GetTimestamp();
            Thread.Sleep(1);
            double late = Stopwatch.GetElapsedTime(before).TotalMilliseconds - 1;
            lock (_samples)
            {
                _samples.Add((ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount, late));
            }
            // The last GC's own pauses; one that ended between two samples is seen at the next (a few are missed
            // when two GCs fall within one millisecond).
            if (GC.CollectionCount(0) == _lastGcCount)
            {
                continue; // GetGCMemoryInfo costs more than the sampler should
            }
            _lastGcCount = GC.CollectionCount(0);
            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            if (gc.Index != _lastGcIndex)
            {
                _lastGcIndex = gc.Index;
                var pause = gc.PauseDurations.Length == 0 ? TimeSpan.Zero : gc.PauseDurations[0] + gc.PauseDurations[1];
                if (pause > _longestPause)
                {
                    (_longestPause, _longestPauseGeneration, _longestPausePromoted) = (pause, gc.Generation, gc.PromotedBytes);
                }
            }
        }
    }

    /// <summary>Bytes allocated since the sampler started, by every thread.</summary>
    public long Allocated => GC.GetTotalAllocatedBytes() - _allocatedBefore;

    public string Stop()
    {
        _stop = true;
        _thread.Join();
        var machine = MachineCpu.Now() is { } now && _machineBefore is { } before
            ? string.Create(CultureInfo.InvariantCulture, $"; machine CPU busy {100 * now.BusySince(before):0} %")
            : "";
        double cores = Environment.ProcessorCount * Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var process = (Environment.CpuUsage.TotalTime - _processBefore).TotalSeconds / cores;
        var pause = GC.GetTotalPauseDuration() - _pauseBefore;
        var gcs = string.Join("/", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - _collectionsBefore[g]));
        lock (_samples)
        {
            var queue = _samples.Select(s => (double)s.Queue).Order().ToArray();
            var late = _samples.Select(s => s.LateMs).Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture,
                $"GC: {gcs} collections (gen0/1/2), paused {pause.TotalMilliseconds:0.0} ms in all, longest {_longestPause.TotalMilliseconds:0.0} ms (gen{_longestPauseGeneration}, {_longestPausePromoted / 1e6:0.0} MB promoted); thread-pool queue p50 {Pct(queue, .5):0}, "
                + $"p99 {Pct(queue, .99):0}, max {queue.LastOrDefault():0}; threads max {_samples.Select(s => s.Threads).DefaultIfEmpty().Max()}; "
                + $"sampler woke late p99 {Pct(late, .99):0.0} ms, max {late.LastOrDefault():0.0} ms, >5 ms {late.Count(l => l > 5)} of {late.Length}"
                + $"{machine} (this process {100 * process:0} % of the {Environment.ProcessorCount} cores)");
        }
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
