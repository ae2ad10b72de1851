using System.Globalization;
using Buurtbudget.LoadBench;

// Usage (run.sh builds in Release and raises the open-file limit first):
//   http   [--clients 64] [--seconds 5] [--rounds 2] [--stores postgres,sqlite] [--max-connections N (default: 4 × --clients, opened before measuring; 0 = unlimited)]
//          [--client-nice N: the load generator's nice value once the server runs; default 10, 0 = same as the server]
//          [--profile-seconds N: after the warm-up, N s of ballots alone for an outside profiler; default 0]
//   fanout [--clients 10000] [--processes 4] [--rounds 10] [--gap-ms 2000] [--repeats 2]
if (args.Length == 0 || args[0] is not ("http" or "fanout"))
{
    Console.Error.WriteLine("usage: Buurtbudget.LoadBench http|fanout [--name value]...   (see tests/Buurtbudget.LoadBench/run.sh)");
    return 2;
}
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}
int Int(string name, int fallback) => options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

return args[0] == "http"
    ? await HttpBench.RunAsync(new HttpBench.Settings(Int("clients", 64), TimeSpan.FromSeconds(Int("seconds", 5)), Int("rounds", 2),
        (options.GetValueOrDefault("stores") ?? "postgres,sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries), Int("max-connections", 4 * Int("clients", 64)),
        Int("profile-seconds", 0), Int("client-nice", 10)))
    : await FanOutBench.RunAsync(new FanOutBench.Settings(Int("clients", 10_000), Int("processes", 4), Int("rounds", 10),
        TimeSpan.FromMilliseconds(Int("gap-ms", 2000)), Int("repeats", 2)));
