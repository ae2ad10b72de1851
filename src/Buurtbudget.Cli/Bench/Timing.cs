using System.Diagnostics;

namespace Buurtbudget.Cli.Bench;

/// <summary>
/// Median wall-clock times of actions measured side by side. This machine is shared and noisy (much of the
/// CPU can be stolen by neighbours), so absolute times drift between runs; alternating the actions within each
/// round lets every one of them see the same noise, which keeps their ratio meaningful when absolute numbers move.
/// </summary>
internal static class Timing
{
    /// <summary>Tiered compilation re-optimises a method after about 30 calls, in the background; calling an
    /// action this often (or for <see cref="WarmUpTime"/>) first means the rounds time optimised code.</summary>
    private const int WarmUpCalls = 30;

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(2);

    /// <summary>Cheap actions (a baseline next to a slow rule) are called up to this often per round, so they get
    /// a stable median too without making the round noticeably longer.</summary>
    private const int MaxCallsPerRound = 10;

    /// <summary>
    /// Warms every action up, then runs rounds in which each action runs in turn, and returns the median
    /// milliseconds of each action in the order given. There are <paramref name="maxRounds"/> rounds, fewer when
    /// that many would take longer than <paramref name="budget"/> (judged from the warm-up), never fewer than
    /// one: slow cases get fewer samples rather than an endless benchmark. Within a round, an action at least
    /// 10 times cheaper than the slowest one is called several times (each call one sample), adding at most a
    /// tenth of the slowest action's time per round.
    /// </summary>
    public static Measurement InterleavedMedians(int maxRounds, TimeSpan budget, params Action[] actions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRounds, 1);
        ArgumentNullException.ThrowIfNull(actions);
        var warmMs = actions.Select(WarmUp).ToArray();
        var rounds = (int)Math.Clamp(budget.TotalMilliseconds / Math.Max(warmMs.Sum(), 0.001), 1, maxRounds);
        var slowest = warmMs.Max();
        var callsPerRound = warmMs
            .Select(ms => (int)Math.Clamp(slowest / (10 * Math.Max(ms, 0.001)), 1, MaxCallsPerRound))
            .ToArray();

        var samples = actions.Select((_, a) => new List<double>(rounds * callsPerRound[a])).ToArray();
        for (var i = 0; i < rounds; i++)
        {
            for (var a = 0; a < actions.Length; a++)
            {
                for (var call = 0; call < callsPerRound[a]; call++)
                {
                    samples[a].Add(Time(actions[a]));
                }
            }
        }

        return new Measurement([.. samples.Select(Median)], rounds, [.. samples.Select(s => s.Count)]);
    }

    /// <summary>Milliseconds one call takes. A full collection first, so garbage left by the previous action
    /// is not charged to this one.</summary>
    public static double Time(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var start = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Calls <paramref name="action"/> until it is warm; returns how long the last call took.</summary>
    private static double WarmUp(Action action)
    {
        var spent = 0.0;
        var last = 0.0;
        for (var calls = 0; calls < WarmUpCalls && spent < WarmUpTime.TotalMilliseconds; calls++)
        {
            last = Time(action);
            spent += last;
        }

        return last;
    }
}

/// <summary>The median milliseconds of each action, the number of rounds, and how many samples each median
/// is taken from (more than the rounds for cheap actions).</summary>
internal sealed record Measurement(double[] MediansMs, int Rounds, int[] Samples);
