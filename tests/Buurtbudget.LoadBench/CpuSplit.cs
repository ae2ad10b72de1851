using System.Globalization;

namespace Buurtbudget.LoadBench;

/// <summary>
/// CPU time spent during one case by the load generator, the server and PostgreSQL (the postmaster and its
/// backends), read from <c>/proc</c>. On 2 shared cores a ratio of requests/s is a ratio of CPU per request, so this
/// says in which of the three a ballot costs more than hello world does.
/// </summary>
internal sealed class CpuSplit
{
    public readonly record struct Sample(double Client, double Server, double Postgres)
    {
        public static Sample operator -(Sample a, Sample b) => new(a.Client - b.Client, a.Server - b.Server, a.Postgres - b.Postgres);
        public static Sample operator +(Sample a, Sample b) => new(a.Client + b.Client, a.Server + b.Server, a.Postgres + b.Postgres);
    }

    private readonly int _server;
    private readonly int? _postmaster;
    private readonly Sample _start;

    private CpuSplit(int server, int? postmaster)
    {
        _server = server;
        _postmaster = postmaster;
        _start = Read();
    }

    public static CpuSplit Start(int server, int? postmaster) => new(server, postmaster);

    /// <summary>CPU seconds used in each process group since <see cref="Start"/>.</summary>
    public Sample Stop() => Read() - _start;

    /// <summary>Microseconds of CPU per operation in each process group, over all samples of one case.</summary>
    public static string PerOperation(IEnumerable<Sample> samples, long operations)
    {
        var total = samples.Aggregate(default(Sample), (sum, s) => sum + s);
        string Us(double seconds) => (seconds * 1e6 / Math.Max(1, operations)).ToString("0", CultureInfo.InvariantCulture);
        return $"{Us(total.Client)} / {Us(total.Server)} / {Us(total.Postgres)}";
    }

    private Sample Read()
    {
        double postgres = 0;
        if (_postmaster is int postmaster)
        {
            postgres = Seconds(postmaster);
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), out int pid) && ParentOf(pid) == postmaster)
                {
                    postgres += Seconds(pid);
                }
            }
        }
        return new Sample(Seconds(Environment.ProcessId), Seconds(_server), postgres);
    }

    // /proc/PID/stat: the fields after the command's closing parenthesis; utime and stime are the 12th and 13th of them.
    private static string[]? Fields(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // the process ended between listing and reading
        }
    }

    private static int ParentOf(int pid) => Fields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : 0;

    private static double Seconds(int pid) => Fields(pid) is { } fields
        ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0
        : 0;
}
