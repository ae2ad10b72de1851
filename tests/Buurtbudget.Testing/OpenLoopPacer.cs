using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Buurtbudget.Testing;

/// <summary>
/// The schedule of an open-loop load: starts operation <c>i</c> at <c>start + i / perSecond</c>, from a thread of its
/// own that sleeps until each due time with microsecond precision. .NET's timers tick in about a millisecond, and a
/// loop that awaits <see cref="Task.Delay(TimeSpan)"/> between operations wakes 1–2 ms late and then starts
/// everything that fell due at once: at 20,000 ballots/s that measured a median of 1.9 ms between an operation's
/// due time and its start, bursts of 40, and counted the generator's own lateness as the system's latency.
/// </summary>
public static partial class OpenLoopPacer
{
    /// <summary>
    /// Calls <paramref name="start"/> for every operation once it is due, with its index and due time (a
    /// <see cref="Stopwatch"/> timestamp, to measure latency from), and returns when all have been started.
    /// <paramref name="start"/> must hand the work off (to the thread pool) and return at once.
    /// </summary>
    public static Task RunAsync(double perSecond, long count, Action<long, long> start)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                double ticksApart = Stopwatch.Frequency / perSecond;
                long origin = Stopwatch.GetTimestamp();
                for (long i = 0; i < count; i++)
                {
                    long due = origin + (long)(i * ticksApart);
                    SleepUntil(due);
                    start(i, due);
                }
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        { IsBackground = true, Name = "open-loop pacer" };
        thread.Start();
        return done.Task;
    }

    /// <summary>Returns at <paramref name="due"/> or later, never before: a sleep cut short by a signal sleeps again.</summary>
    private static void SleepUntil(long due)
    {
        long left;
        while ((left = due - Stopwatch.GetTimestamp()) > 0)
        {
            long microseconds = Math.Max(1, left * 1_000_000 / Stopwatch.Frequency);
            if (OperatingSystem.IsLinux())
            {
                // Linux wakes a sleeping thread within its timer slack (50 µs by default).
                _ = USleep((uint)Math.Min(microseconds, 1_000_000));
            }
            else
            {
                Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, left * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "usleep")]
    private static partial int USleep(uint microseconds);
}
