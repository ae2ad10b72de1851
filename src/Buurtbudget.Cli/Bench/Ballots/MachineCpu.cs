using System.Globalization;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// The whole machine's CPU time so far, from the first line of <c>/proc/stat</c> (Linux), to say how busy every process
/// together kept the cores during a case. At "half load" this machine was 84–89 % busy while the pool spun for work
/// and 68–73 % without: half the peak rate is not half the machine (docs/performance.md, session 9).
/// </summary>
internal readonly record struct MachineCpu(long Busy, long Total)
{
    /// <summary>Null where <c>/proc/stat</c> cannot be read.</summary>
    public static MachineCpu? Now()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is not ["cpu", ..] || fields.Length < 6)
            {
                return null;
            }
            // user nice system idle iowait irq softirq steal …: idle and iowait are the time no process ran.
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            long total = ticks.Sum(), idle = ticks[3] + ticks[4];
            return new MachineCpu(total - idle, total);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The share of the time between <paramref name="earlier"/> and this in which the cores were busy.</summary>
    public double BusySince(MachineCpu earlier) =>
        Total == earlier.Total ? 0 : (double)(Busy - earlier.Busy) / (Total - earlier.Total);
}
