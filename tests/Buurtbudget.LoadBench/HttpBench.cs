using System.Globalization;
using Buurtbudget.Testing;

namespace Buurtbudget.LoadBench;

/// <summary>
/// Durable ballots per second through HTTPS against the same app's hello-world endpoint, alternating, on each store;
/// then p99 latency at half of the measured ballot peak (open loop), next to hello-world at the same rate.
/// </summary>
internal static class HttpBench
{
    public sealed record Settings(int Clients, TimeSpan Phase, int Rounds, IReadOnlyList<string> Stores, int MaxConnections, int ProfileSeconds, int ClientNice);

    private sealed record Row(string Store, string Case, string Load, Load.Result Result, string Cpu, string PerCommit = "–");

    public static async Task<int> RunAsync(Settings settings)
    {
        Console.WriteLine($"# HTTP ballots: {settings.Clients} voters, {settings.Rounds} × {settings.Phase.TotalSeconds:0} s per case, " +
            $"client connections: {(settings.MaxConnections > 0 ? $"at most {settings.MaxConnections}" : "unlimited")}, " +
            $"load generator at nice {settings.ClientNice} (server and PostgreSQL at 0), machine: {Machine.Describe()}");
        Console.WriteLine();
        var rows = new List<Row>();
        var verdicts = new List<string>();
        foreach (var store in settings.Stores)
        {
            using var folder = new TempDirectory("buurtbudget-load-");
            using var certificate = LoopbackCertificate.Create(folder.Path);
            await using var cluster = store == "postgres" ? new PostgresCluster() : null;
            (string, string, string)? postgres = null;
            if (cluster is not null)
            {
                await cluster.StartAsync();
                // As on a server that has been running: WAL goes into recycled segments (see RecycleWalSegmentsAsync).
                Console.Error.WriteLine($"{store}: {await cluster.RecycleWalSegmentsAsync(64)} WAL segments ready for reuse");
                var database = await cluster.CreateDatabaseAsync("loadbench");
                postgres = (database.AppConnectionString, database.OwnerConnectionString, database.AppRoleName);
            }
            await using var server = await ServerUnderTest.StartAsync(folder.Path, certificate, postgres);
            async Task<Load.Result> Measured(List<CpuSplit.Sample> samples, Func<Task<Load.Result>> run)
            {
                var cpu = CpuSplit.Start(server.Pid, cluster?.PostmasterPid);
                var result = await run();
                samples.Add(cpu.Stop());
                return result;
            }
            int reniced = ClientPriority.Lower(settings.ClientNice);
            using var client = new BenchClient(server.HttpsBase, certificate.Thumbprint, settings.MaxConnections);
            var codes = await client.SetupAsync(settings.Clients);
            var cookies = new string[codes.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, codes.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, _) => cookies[i] = await client.SignInAsync(codes[i]));
            if (settings.MaxConnections > settings.Clients)
            {
                // Open the whole pool now, so that no measured request pays for a TLS handshake (see BenchClient).
                await Load.ClosedLoopAsync(settings.MaxConnections, TimeSpan.FromSeconds(2), _ => client.HelloAsync());
            }
            Console.Error.WriteLine($"{store}: server PID {server.Pid}, {cookies.Length} voters signed in, {client.Connections} connections open, " +
                $"{reniced} client threads at nice {settings.ClientNice}; warming up");

            // Warm-up: connection pool, grain activation, the ledger's first batches and the JIT; not reported.
            // Tiered compilation recompiles hot methods with profile data in the background for several seconds
            // under load: with 2 s of warm-up the first measured round ran 30-40 % slower than the next ones.
            for (int warmUp = 0; warmUp < 3; warmUp++)
            {
                await Load.ClosedLoopAsync(settings.Clients, TimeSpan.FromSeconds(3), _ => client.HelloAsync());
                await Load.ClosedLoopAsync(settings.Clients, TimeSpan.FromSeconds(3), c => client.CastAsync(cookies[c]));
                await Load.ClosedLoopAsync(settings.Clients, TimeSpan.FromSeconds(1), _ => client.CycleAsync());
                await Load.ClosedLoopAsync(settings.Clients, TimeSpan.FromSeconds(1), c => client.MineAsync(cookies[c]));
            }

            if (settings.ProfileSeconds > 0)
            {
                // A window for an outside profiler (perf, dotnet-trace) that sees ballots and nothing else.
                Console.Error.WriteLine($"{store}: profile window: ballots only for {settings.ProfileSeconds} s, server PID {server.Pid}");
                await Load.ClosedLoopAsync(settings.Clients, TimeSpan.FromSeconds(settings.ProfileSeconds), c => client.CastAsync(cookies[c]));
                Console.Error.WriteLine($"{store}: profile window closed");
            }

            var hello = new List<Load.Result>();
            var ballots = new List<Load.Result>();
            var helloCpu = new List<CpuSplit.Sample>();
            var ballotCpu = new List<CpuSplit.Sample>();
            var ledgerBefore = await LedgerAsync(client);
            await client.PostForJsonAsync("/bench/ballot-times"); // forget the warm-up's
            for (int round = 0; round < settings.Rounds; round++)
            {
                hello.Add(await Measured(helloCpu, () => Load.ClosedLoopAsync(settings.Clients, settings.Phase, _ => client.HelloAsync())));
                ballots.Add(await Measured(ballotCpu, () => Load.ClosedLoopAsync(settings.Clients, settings.Phase, c => client.CastAsync(cookies[c]))));
                Console.Error.WriteLine($"{store}: round {round + 1}: hello {hello[^1].PerSecond:0}/s, ballots {ballots[^1].PerSecond:0}/s");
            }
            var helloPeak = Combine(hello);
            var ballotPeak = Combine(ballots);
            string peakLoad = $"peak: closed loop, {settings.Clients} clients";
            rows.Add(new Row(store, "hello world (GET /bench/hello)", peakLoad, helloPeak, CpuSplit.PerOperation(helloCpu, helloPeak.Operations)));
            rows.Add(new Row(store, "durable ballot (POST …/ballots)", peakLoad, ballotPeak, CpuSplit.PerOperation(ballotCpu, ballotPeak.Operations),
                PerCommit(ledgerBefore, await LedgerAsync(client))));
            verdicts.Add($"- {store}: server-side time of the peak ballots: {await ServerTimesAsync(client)}");

            // Where the time goes: the same clients on endpoints that do part of a ballot's work (not part of a goal).
            var cycleCpu = new List<CpuSplit.Sample>();
            var mineCpu = new List<CpuSplit.Sample>();
            var cycle = await Measured(cycleCpu, () => Load.ClosedLoopAsync(settings.Clients, settings.Phase, _ => client.CycleAsync()));
            var mine = await Measured(mineCpu, () => Load.ClosedLoopAsync(settings.Clients, settings.Phase, c => client.MineAsync(cookies[c])));
            rows.Add(new Row(store, "public grain read (GET …/cycles/2026)", peakLoad, cycle, CpuSplit.PerOperation(cycleCpu, cycle.Operations)));
            rows.Add(new Row(store, "session + revocation check + grain read (GET …/ballots/mine)", peakLoad, mine, CpuSplit.PerOperation(mineCpu, mine.Operations)));

            double half = ballotPeak.PerSecond / 2;
            ledgerBefore = await LedgerAsync(client);
            await using var pauses = new CommitPauses(client);
            long connectionsBefore = client.Connections;
            await client.PostForJsonAsync("/bench/ballot-times");
            using var waits = new ConnectionWaits();
            var ballotsHalfCpu = new List<CpuSplit.Sample>();
            var ballotsHalf = await Measured(ballotsHalfCpu, () => Load.OpenLoopAsync(half, settings.Phase, i => client.CastAsync(cookies[i % cookies.Length])));
            string halfPerCommit = PerCommit(ledgerBefore, await LedgerAsync(client));
            var waited = waits.Take();
            verdicts.Add($"- {store}: server-side time of the half-load ballots: {await ServerTimesAsync(client)}; " +
                $"{Markdown.Number(waited.Count)} requests waited for a free client connection, p50 / p99 {Markdown.Ms(waited.P50)} / {Markdown.Ms(waited.P99)}");
            verdicts.Add($"- {store}: during the half-load ballots, {await pauses.StopAsync()}; the client opened " +
                $"{Markdown.Number(client.Connections - connectionsBefore)} new connections (it had {Markdown.Number(connectionsBefore)})");
            var helloHalfCpu = new List<CpuSplit.Sample>();
            var helloHalf = await Measured(helloHalfCpu, () => Load.OpenLoopAsync(half, settings.Phase, _ => client.HelloAsync()));
            string halfLoad = string.Create(CultureInfo.InvariantCulture, $"half of ballot peak: open loop, {half:0}/s");
            rows.Add(new Row(store, "durable ballot (POST …/ballots)", halfLoad, ballotsHalf, CpuSplit.PerOperation(ballotsHalfCpu, ballotsHalf.Operations), halfPerCommit));
            rows.Add(new Row(store, "hello world (GET /bench/hello)", halfLoad, helloHalf, CpuSplit.PerOperation(helloHalfCpu, helloHalf.Operations)));

            if (!client.Failures.IsEmpty || !Load.Exceptions.IsEmpty)
            {
                verdicts.Add($"- {store}: failed requests: {string.Join(", ", client.Failures.Concat(Load.Exceptions).Select(f => $"{f.Key} × {f.Value}"))}; " +
                    $"the server's last lines: {server.LastOutput.ReplaceLineEndings(" / ")}");
                Load.Exceptions.Clear();
            }
            double ratio = ballotPeak.PerSecond / helloPeak.PerSecond;
            verdicts.Add($"- {store}: durable ballots/s ÷ hello-world requests/s = {Markdown.Ratio(ratio)} (goal ≥ 0.70×: {Markdown.Verdict(ratio >= 0.7)})");
            verdicts.Add($"- {store}: ballot p99 at half load = {Markdown.Ms(ballotsHalf.Latency.P99)} (goal ≤ 10 ms: {Markdown.Verdict(ballotsHalf.Latency.P99 <= 10)}); " +
                $"hello-world p99 at the same rate = {Markdown.Ms(helloHalf.Latency.P99)}");
        }

        Markdown.Table(["store", "case", "load", "requests", "errors", "req/s", "p50", "p99", "ballots per commit", "CPU µs per request: client / server / PostgreSQL"],
            rows.Select(r => (IReadOnlyList<string>)
        [
            r.Store, r.Case, r.Load, Markdown.Number(r.Result.Operations), Markdown.Number(r.Result.Errors),
            Markdown.Number(r.Result.PerSecond), Markdown.Ms(r.Result.Latency.P50), Markdown.Ms(r.Result.Latency.P99), r.PerCommit, r.Cpu,
        ]));
        foreach (var verdict in verdicts)
        {
            Console.WriteLine(verdict);
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {Machine.LoadAverage()}");
        return rows.Any(r => r.Result.Errors > 0) ? 1 : 0;
    }

    private static async Task<(long Appends, long Commits)> LedgerAsync(BenchClient client)
    {
        var counters = await client.GetJsonAsync("/bench/ledger");
        return (counters.GetProperty("appends").GetInt64(), counters.GetProperty("commits").GetInt64());
    }

    /// <summary>The server's own time for the ballots since the last call: is a tail the server's, or the client's and the machine's?</summary>
    private static async Task<string> ServerTimesAsync(BenchClient client)
    {
        var samples = await client.PostForJsonAsync("/bench/ballot-times");
        Percentiles Of(string name) => new(samples.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()));
        var (total, before, endpoint) = (Of("total"), Of("beforeEndpoint"), Of("endpoint"));
        return $"p50 / p99 {Markdown.Ms(total.P50)} / {Markdown.Ms(total.P99)} in all ({Markdown.Number(total.Count)} ballots); " +
            $"before the endpoint (sign-in cookie, session, residence) {Markdown.Ms(before.P50)} / {Markdown.Ms(before.P99)}; " +
            $"the endpoint (grain, commit, answer) {Markdown.Ms(endpoint.P50)} / {Markdown.Ms(endpoint.P99)}";
    }

    private static string PerCommit((long Appends, long Commits) before, (long Appends, long Commits) after) =>
        after.Commits == before.Commits ? "–"
            : ((after.Appends - before.Appends) / (double)(after.Commits - before.Commits)).ToString("0.0", CultureInfo.InvariantCulture);

    private static Load.Result Combine(IReadOnlyList<Load.Result> runs) => new(
        runs.Sum(r => r.Operations), runs.Sum(r => r.Errors), runs.Sum(r => r.Seconds),
        new Percentiles(runs.SelectMany(r => r.Latency.Sorted)));
}
