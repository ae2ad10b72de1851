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
    string ThreadPool)
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
        $"{Cores} cores{(Cpu is null ? "" : $" ({Cpu})")}, {Runtime}, {Os}, {Architecture}, {Build} build, {GarbageCollector} GC, {ThreadPool}";

    /// <summary>Whether idle pool threads spin before they sleep: the environment's setting if any (shown as given, since
    /// the runtime parses it), else the runtimeconfig's, else .NET's default.</summary>
    private static string ThreadPoolSpinning()
    {
        const string variable = "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit";
        var value = Environment.GetEnvironmentVariable(variable);
        if (value is not null)
        {
            return value.Trim() is "0" or "0x0" ? "thread pool without spinning" : $"thread-pool spinning ({variable}={value})";
        }
        return AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit")?.ToString() switch
        {
            null => "thread-pool spinning (.NET's default)",
            "0" => "thread pool without spinning",
            var limit => $"thread-pool spin limit {limit}",
        };
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
