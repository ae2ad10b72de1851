using System.Globalization;
using System.Runtime.InteropServices;

namespace Buurtbudget.LoadBench;

/// <summary>
/// Lowers the load generator's CPU priority below the server's and PostgreSQL's. On this 2-core machine the client
/// needs a third of the CPU and would otherwise take it from the system under test at random moments, which a client
/// on its own machine never does. Both a case and its baseline go through the same client, so same-run ratios stay
/// comparable. Raising a nice value needs no privilege.
/// </summary>
internal static partial class ClientPriority
{
    private const int PriorityProcess = 0; // PRIO_PROCESS: on Linux "process" means one thread

    /// <summary>
    /// Sets every thread of this process to <paramref name="nice"/>. Threads started later inherit their creator's
    /// value, so call it after the server and PostgreSQL were started (children inherit it too).
    /// </summary>
    /// <returns>How many threads were changed.</returns>
    public static int Lower(int nice)
    {
        if (!OperatingSystem.IsLinux() || nice == 0)
        {
            return 0;
        }
        int changed = 0;
        // Twice: a thread being created during the first pass may have copied the old value.
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                int thread = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                if (SetPriority(PriorityProcess, thread, nice) == 0 && pass == 0)
                {
                    changed++;
                }
            }
        }
        return changed;
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
