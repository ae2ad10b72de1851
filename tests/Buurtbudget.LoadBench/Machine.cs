using System.Globalization;

namespace Buurtbudget.LoadBench;

/// <summary>What the reader needs to weigh the numbers: cores, runtime, and how busy the machine was.</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, load average {LoadAverage()}");
}
