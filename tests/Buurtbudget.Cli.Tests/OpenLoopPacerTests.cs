using System.Collections.Concurrent;
using System.Diagnostics;
using Buurtbudget.Testing;

namespace Buurtbudget.Cli.Tests;

/// <summary>The open-loop schedule both load benchmarks use (bench-ballots and the HTTP load benchmark).</summary>
public sealed class OpenLoopPacerTests
{
    [Fact]
    public async Task Starts_every_operation_once_in_order_never_before_it_is_due_and_spaced_by_the_rate()
    {
        var started = new ConcurrentQueue<(long Index, long Due, long At)>();

        await OpenLoopPacer.RunAsync(perSecond: 5_000, count: 500, (index, due) => started.Enqueue((index, due, Stopwatch.GetTimestamp())));

        var all = started.ToArray();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), all.Select(s => s.Index));
        Assert.All(all, s => Assert.True(s.At >= s.Due, $"operation {s.Index} started {Stopwatch.GetElapsedTime(s.At, s.Due).TotalMilliseconds:0.000} ms early"));
        // 0.2 ms apart: the due times, not the start times (which depend on the machine's load), follow the rate.
        var apart = Stopwatch.GetElapsedTime(all[0].Due, all[^1].Due);
        Assert.InRange(apart.TotalMilliseconds, 99.7, 99.9);
    }

    [Fact]
    public async Task Passes_on_an_exception_from_starting_an_operation_and_stops_there()
    {
        int calls = 0;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenLoopPacer.RunAsync(1_000, 10, (index, _) =>
        {
            calls++;
            if (index == 3)
            {
                throw new InvalidOperationException("boom");
            }
        }));

        Assert.Equal("boom", failure.Message);
        Assert.Equal(4, calls);
    }
}
