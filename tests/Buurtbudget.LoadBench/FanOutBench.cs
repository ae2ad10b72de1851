using System.Globalization;
using Buurtbudget.Testing;

namespace Buurtbudget.LoadBench;

/// <summary>
/// Live-results fan-out at many connected clients: the plain hub (baseline) and the live-results hub, alternating
/// (plain, live, plain, live, …), each phase on a fresh server process with the same number of Node SignalR clients
/// and the same message. A fresh process per phase keeps one phase's grown heap and pools out of the next phase's
/// memory figures. Latency is receipt minus the moment the server handed the message to SignalR; for the live hub
/// also receipt minus the cast, which includes the publisher's coalescing wait of up to one interval (250 ms).
/// Memory per connection is the server's working set and GC heap, after a full collection, with the clients
/// connected minus before.
/// </summary>
internal static class FanOutBench
{
    public sealed record Settings(int Clients, int Processes, int Rounds, TimeSpan Gap, int Repeats);

    private sealed record Memory(long WorkingSet, long GcHeap, bool ServerGc);

    private sealed record Phase(string Hub, int Repeat, int Connected, int Failed, double ConnectSeconds, Memory Before, Memory After,
        int Expected, Percentiles FromSend, Percentiles? FromDurableCast, Percentiles? FromCastSent, Percentiles ServerWrite)
    {
        public double WorkingSetPerClient => (After.WorkingSet - Before.WorkingSet) / (double)Math.Max(1, Connected);

        public double GcHeapPerClient => (After.GcHeap - Before.GcHeap) / (double)Math.Max(1, Connected);
    }

    private sealed record Times(double Send, double CastSent, double CastDone, double SendDone = double.NaN);

    private const string Plain = "plain hub";
    private const string Live = "live-results hub";
    private const int MinimumTurnoutForCounts = 10;
    private const int WarmUpClients = 200;

    public static async Task<int> RunAsync(Settings settings)
    {
        Console.WriteLine($"# Live-results fan-out: {settings.Clients} clients in {settings.Processes} Node processes, {settings.Rounds} messages per phase, " +
            $"{settings.Repeats} × (plain, live), machine: {Machine.Describe()}");
        Console.WriteLine();
        var phases = new List<Phase>();
        for (int repeat = 1; repeat <= settings.Repeats; repeat++)
        {
            foreach (var hub in new[] { Plain, Live })
            {
                phases.Add(await OnFreshServerAsync(hub, repeat, settings));
            }
        }
        Report(settings, phases);
        return phases.Any(p => p.Failed > 0 || p.FromSend.Count < p.Expected) ? 1 : 0;
    }

    private static async Task<Phase> OnFreshServerAsync(string hub, int repeat, Settings settings)
    {
        using var folder = new TempDirectory("buurtbudget-fanout-");
        using var certificate = LoopbackCertificate.Create(folder.Path);
        await using var server = await ServerUnderTest.StartAsync(folder.Path, certificate, postgres: null);
        using var client = new BenchClient(server.HttpsBase, certificate.Thumbprint);
        var codes = await client.SetupAsync(MinimumTurnoutForCounts + 1 + settings.Rounds);
        var cookies = new List<string>();
        foreach (var code in codes)
        {
            cookies.Add(await client.SignInAsync(code));
        }
        // Enough turnout that the message carries counts per project, as a real one during voting may.
        for (int i = 0; i < MinimumTurnoutForCounts; i++)
        {
            await client.CastAsync(cookies[i]);
        }
        int nextVoter = MinimumTurnoutForCounts;
        int turnout = MinimumTurnoutForCounts;
        var url = hub == Plain
            ? new Uri(server.HttpBase, "/bench/plain-hub")
            : new Uri(server.HttpBase, $"/hubs/live-results?neighbourhood={BenchClient.Neighbourhood}&cycle={BenchClient.Cycle}");

        // Every round: a new voter casts (the turnout, which names the message, goes up by one), then the message goes
        // out: for the live hub by the coalescing publisher, for the plain hub by the benchmark endpoint once the
        // publisher's tick has passed, with the same content.
        async Task Round(Dictionary<int, Times> sends)
        {
            double castSent = NowUnixMs();
            if (!await client.CastAsync(cookies[nextVoter++]))
            {
                throw new InvalidOperationException("a cast failed");
            }
            turnout++;
            sends[turnout] = new Times(double.NaN, castSent, NowUnixMs());
            if (hub == Plain)
            {
                await Task.Delay(400);
                var sent = await client.PostForJsonAsync($"/bench/plain-broadcast?neighbourhood={BenchClient.Neighbourhood}&cycle={BenchClient.Cycle}");
                sends[turnout] = sends[turnout] with { Send = sent.GetProperty("sentUnixMs").GetDouble(), SendDone = sent.GetProperty("doneUnixMs").GetDouble() };
            }
        }

        // Warm-up, not reported: a few clients and one message, so JIT and pools have started before the measurement.
        Console.Error.WriteLine($"{hub} #{repeat}: server PID {server.Pid}; warm-up with {WarmUpClients} clients");
        await RunPhaseAsync(hub, repeat, url, settings with { Clients = WarmUpClients, Processes = 1, Rounds = 1 }, client, Round);
        await Task.Delay(2000);
        return await RunPhaseAsync(hub, repeat, url, settings, client, Round);
    }

    private static async Task<Phase> RunPhaseAsync(string hub, int repeat, Uri url, Settings settings, BenchClient client, Func<Dictionary<int, Times>, Task> round)
    {
        var before = await MemoryAsync(client);
        var limit = TimeSpan.FromSeconds(300 + settings.Rounds * settings.Gap.TotalSeconds);
        var processes = new List<NodeClients>();
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            for (int p = 0; p < settings.Processes; p++)
            {
                int share = settings.Clients / settings.Processes + (p < settings.Clients % settings.Processes ? 1 : 0);
                processes.Add(NodeClients.Start(url, share, limit));
            }
            var connections = await Task.WhenAll(processes.Select(p => p.ConnectedAsync(TimeSpan.FromSeconds(300))));
            double connectSeconds = started.Elapsed.TotalSeconds;
            int connected = connections.Sum(c => c.Connected), failed = connections.Sum(c => c.Failed);
            Console.Error.WriteLine($"{hub} #{repeat}: {connected} connected, {failed} failed in {connectSeconds:0.0} s {connections.FirstOrDefault(c => c.Failed > 0).FirstError}");
            await Task.Delay(2000);
            var after = await MemoryAsync(client);
            // Forget what arrived on connect (the live hub sends the current state to each new watcher).
            foreach (var p in processes)
            {
                await p.ReportAsync();
            }

            var sends = new Dictionary<int, Times>();
            for (int r = 0; r < settings.Rounds; r++)
            {
                await round(sends);
                await Task.Delay(settings.Gap);
            }
            // The live publisher's sends were timestamped inside the server (its hub lifetime manager).
            foreach (var send in (await client.GetJsonAsync("/bench/sends")).EnumerateArray().Where(s => s.GetProperty("hub").GetString() == "live"))
            {
                int t = send.GetProperty("turnout").GetInt32();
                if (hub == Live && sends.TryGetValue(t, out var times) && double.IsNaN(times.Send))
                {
                    sends[t] = times with { Send = send.GetProperty("unixMs").GetDouble(), SendDone = send.GetProperty("doneUnixMs").GetDouble() };
                }
            }
            var receipts = new Dictionary<int, List<double>>();
            foreach (var p in processes)
            {
                foreach (var (t, times) in await p.ReportAsync())
                {
                    if (!receipts.TryGetValue(t, out var list))
                    {
                        receipts[t] = list = [];
                    }
                    list.AddRange(times);
                }
            }
            Percentiles From(Func<Times, double> origin) => new(sends
                .Where(s => !double.IsNaN(origin(s.Value)))
                .SelectMany(s => receipts.GetValueOrDefault(s.Key, []).Select(received => received - origin(s.Value))));
            return new Phase(hub, repeat, connected, failed, connectSeconds, before, after, connected * settings.Rounds,
                From(t => t.Send), hub == Live ? From(t => t.CastDone) : null, hub == Live ? From(t => t.CastSent) : null,
                new Percentiles(sends.Values.Select(t => t.SendDone - t.Send).Where(d => !double.IsNaN(d))));
        }
        finally
        {
            foreach (var p in processes)
            {
                await p.DisposeAsync();
            }
        }
    }

    private static void Report(Settings settings, IReadOnlyList<Phase> phases)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in phases)
        {
            rows.Add(Row(p.Hub, $"#{p.Repeat}", "server send → receipt", p.Connected, p.Failed, p.Expected, p.FromSend));
            if (p.FromDurableCast is { } fromCast)
            {
                rows.Add(Row(p.Hub, $"#{p.Repeat}", "durable cast (201 received) → receipt", p.Connected, p.Failed, p.Expected, fromCast));
            }
        }
        var plain = phases.Where(p => p.Hub == Plain).ToList();
        var live = phases.Where(p => p.Hub == Live).ToList();
        var plainSend = Pool(plain, p => p.FromSend);
        var liveSend = Pool(live, p => p.FromSend);
        var liveCast = Pool(live, p => p.FromDurableCast!);
        var liveCastSent = Pool(live, p => p.FromCastSent!);
        rows.Add(Row(Plain, "all", "server send → receipt", plain.Sum(p => p.Connected), plain.Sum(p => p.Failed), plain.Sum(p => p.Expected), plainSend));
        rows.Add(Row(Live, "all", "server send → receipt (publisher hands the update to SignalR)", live.Sum(p => p.Connected), live.Sum(p => p.Failed), live.Sum(p => p.Expected), liveSend));
        rows.Add(Row(Live, "all", "durable cast (201 received) → receipt: includes the coalescing wait", live.Sum(p => p.Connected), live.Sum(p => p.Failed), live.Sum(p => p.Expected), liveCast));
        rows.Add(Row(Live, "all", "cast request sent → receipt: also the ledger commit", live.Sum(p => p.Connected), live.Sum(p => p.Failed), live.Sum(p => p.Expected), liveCastSent));
        Markdown.Table(["hub", "phase", "latency measured from", "connected", "failed", "messages received", "p50", "p99", "max"], rows);

        static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
        static string Kb(double bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
        Markdown.Table(["hub", "phase", "connect time", "working set before", "after", "per client", "GC heap before", "after", "per client"],
            phases.Select(p => (IReadOnlyList<string>)
            [
                p.Hub, $"#{p.Repeat}", p.ConnectSeconds.ToString("0.0 s", CultureInfo.InvariantCulture), Mb(p.Before.WorkingSet), Mb(p.After.WorkingSet),
                Kb(p.WorkingSetPerClient), Mb(p.Before.GcHeap), Mb(p.After.GcHeap), Kb(p.GcHeapPerClient),
            ]));

        // The server's synchronous share: from the send until SignalR's send task completed, i.e. the message was
        // serialized once and written into every connection's output pipe (Kestrel flushes the pipes to the sockets
        // afterwards, on the thread pool). One value per message.
        Markdown.Table(["hub", "phase", "messages", "queued on every connection: median", "max"], phases.Select(p => (IReadOnlyList<string>)
            [p.Hub, $"#{p.Repeat}", Markdown.Number(p.ServerWrite.Count), Markdown.Ms(p.ServerWrite.P50), Markdown.Ms(p.ServerWrite.Max)]));

        double budget = plainSend.P99 + 100;
        Console.WriteLine($"- live p99 from the publisher's send = {Markdown.Ms(liveSend.P99)}; plain hub p99 + 100 ms = {Markdown.Ms(budget)} (goal: {Markdown.Verdict(liveSend.P99 <= budget)})");
        Console.WriteLine($"- live p99 from the durable cast (end to end) = {Markdown.Ms(liveCast.P99)} against the same {Markdown.Ms(budget)}: {Markdown.Verdict(liveCast.P99 <= budget)} (the publisher waits up to 250 ms on purpose)");
        double Mean(IEnumerable<Phase> ps, Func<Phase, double> f) => ps.Select(f).Average();
        Console.WriteLine($"- per client, live ÷ plain (means over phases): GC heap {Kb(Mean(live, p => p.GcHeapPerClient))} ÷ {Kb(Mean(plain, p => p.GcHeapPerClient))} = " +
            $"{Markdown.Ratio(Mean(live, p => p.GcHeapPerClient) / Mean(plain, p => p.GcHeapPerClient))}; working set {Kb(Mean(live, p => p.WorkingSetPerClient))} ÷ " +
            $"{Kb(Mean(plain, p => p.WorkingSetPerClient))} = {Markdown.Ratio(Mean(live, p => p.WorkingSetPerClient) / Mean(plain, p => p.WorkingSetPerClient))}");
        Console.WriteLine($"- server GC: {(phases[0].After.ServerGc ? "server" : "workstation")}; {settings.Rounds} messages per phase, {settings.Gap.TotalMilliseconds:0} ms apart; load average at the end: {Machine.LoadAverage()}");
    }

    private static IReadOnlyList<string> Row(string hub, string phase, string measured, int connected, int failed, int expected, Percentiles p) =>
    [
        hub, phase, measured, Markdown.Number(connected), Markdown.Number(failed), $"{Markdown.Number(p.Count)} of {Markdown.Number(expected)}",
        Markdown.Ms(p.P50), Markdown.Ms(p.P99), Markdown.Ms(p.Max),
    ];

    private static Percentiles Pool(IEnumerable<Phase> phases, Func<Phase, Percentiles> pick) => new(phases.SelectMany(p => pick(p).Sorted));

    private static async Task<Memory> MemoryAsync(BenchClient client)
    {
        var memory = await client.PostForJsonAsync("/bench/memory");
        return new Memory(memory.GetProperty("workingSetBytes").GetInt64(), memory.GetProperty("gcHeapBytes").GetInt64(), memory.GetProperty("serverGc").GetBoolean());
    }

    private static double NowUnixMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
