using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Buurtbudget.Cli.Bench;

/// <summary>The facts a benchmark number means nothing without.</summary>
internal sealed record MachineFacts(
    int Cores,
    string? Cpu,
    string Runtime,
    string Os,
    string Architecture,
    string Build,
    string GarbageCollector,
    int ThreadPoolSpinLimit)
{
    public static MachineFacts Current() => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        IsOptimized() ? "Release" : "Debug",
        GCSettings.IsServerGC ? "server" : "workstation",
        ThreadPoolSpinning());

    /// <summary>False for a Debug build, whose timings say little about the product.</summary>
    public static bool IsOptimized() =>
        typeof(MachineFacts).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    public override string ToString() =>
        $"{Cores} cores{(Cpu is null ? "" : $" ({Cpu})")}, {Runtime}, {Os}, {Architecture}, {Build} build, {GarbageCollector} GC, "
        + (ThreadPoolSpinLimit == 0 ? "thread pool without spinning" : $"thread-pool spin limit {ThreadPoolSpinLimit}");

    /// <summary>How long idle pool threads spin before they sleep: the runtimeconfig's setting unless the environment
    /// overrides it (as .NET reads it), else .NET's default of 70.</summary>
    private static int ThreadPoolSpinning()
    {
        const int dotnetDefault = 70;
        var value = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit")
            ?? AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit")?.ToString();
        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out int limit) ? limit : dotnetDefault;
    }

    /// <summary>The CPU's model name on Linux; null elsewhere or when it cannot be read.</summary>
    private static string? CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        try
        {
            if (!File.Exists(cpuInfo))
            {
                return null;
            }

            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
