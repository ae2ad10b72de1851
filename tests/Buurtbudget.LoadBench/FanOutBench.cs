using System.Globalization;
using System.Text.Json;
using Buurtbudget.Testing;

namespace Buurtbudget.LoadBench;

/// <summary>
/// Live-results fan-out at many connected clients: the plain hub (baseline) and the live-results hub, one after the
/// other on the same server, each with the same number of Node SignalR clients and the same message. Latency is
/// receipt minus the moment the server handed the message to SignalR; for the live hub also receipt minus the cast
/// (which includes the publisher's coalescing wait of up to one interval). Memory per connection is the server's
/// working set and GC heap, after a full collection, with the clients connected minus before.
/// </summary>
internal static class FanOutBench
{
    public sealed record Settings(int Clients, int Processes, int Rounds, TimeSpan Gap);

    private sealed record Memory(long WorkingSet, long GcHeap, bool ServerGc);

    private sealed record Phase(string Hub, int Connected, int Failed, double ConnectSeconds, Memory Before, Memory After,
        int Expected, Percentiles FromSend, Percentiles? FromDurableCast, Percentiles? FromCastSent);

    private const int MinimumTurnoutForCounts = 10;

    public static async Task<int> RunAsync(Settings settings)
    {
        Console.WriteLine($"# Live-results fan-out: {settings.Clients} clients in {settings.Processes} Node processes, {settings.Rounds} messages per hub, machine: {Machine.Describe()}");
        Console.WriteLine();
        using var folder = new TempDirectory("buurtbudget-fanout-");
        using var certificate = LoopbackCertificate.Create(folder.Path);
        await using var server = await ServerUnderTest.StartAsync(folder.Path, certificate, postgres: null);
        using var client = new BenchClient(server.HttpsBase, certificate.Thumbprint);
        var codes = await client.SetupAsync(MinimumTurnoutForCounts + 2 * settings.Rounds);
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
        var plainUrl = new Uri(server.HttpBase, "/bench/plain-hub");
        var liveUrl = new Uri(server.HttpBase, $"/hubs/live-results?neighbourhood={BenchClient.Neighbourhood}&cycle={BenchClient.Cycle}");
        // Warm-up, not reported: a tenth of the clients on each hub once, so that JIT, thread pool and buffer pools have
        // grown before the first measured phase (otherwise that phase's memory delta carries them).
        var warmUp = settings with { Clients = Math.Max(1, settings.Clients / 10), Rounds = 1 };
        Console.Error.WriteLine($"server PID {server.Pid}; warming up with {warmUp.Clients} clients per hub");
        await RunPhaseAsync("warm-up plain", plainUrl, warmUp, client, (_, _) =>
            client.PostForJsonAsync($"/bench/plain-broadcast?neighbourhood={BenchClient.Neighbourhood}&cycle={BenchClient.Cycle}"));
        await RunPhaseAsync("warm-up live", liveUrl, warmUp, client, (_, _) => Task.CompletedTask);
        await Task.Delay(3000);

        var plain = await RunPhaseAsync("plain hub", plainUrl, settings, client, async (round, sends) =>
        {
            await client.CastAsync(cookies[MinimumTurnoutForCounts + round]);
            // Let the live publisher's tick pass (its group is empty now) so the broadcast carries the new turnout.
            await Task.Delay(400);
            var sent = await client.PostForJsonAsync($"/bench/plain-broadcast?neighbourhood={BenchClient.Neighbourhood}&cycle={BenchClient.Cycle}");
            sends[sent.GetProperty("turnout").GetInt32()] = (sent.GetProperty("sentUnixMs").GetDouble(), double.NaN, double.NaN);
        });
        await Task.Delay(3000);

        int turnout = (await client.GetJsonAsync($"/api/neighbourhoods/{BenchClient.Neighbourhood}/cycles/{BenchClient.Cycle}")).GetProperty("turnout").GetInt32();
        var live = await RunPhaseAsync("live-results hub", liveUrl, settings, client, async (round, sends) =>
        {
            double castSent = NowUnixMs();
            if (!await client.CastAsync(cookies[MinimumTurnoutForCounts + settings.Rounds + round]))
            {
                throw new InvalidOperationException("a cast failed");
            }
            sends[turnout + round + 1] = (double.NaN, castSent, NowUnixMs());
        }, fillSendTimes: async sends =>
        {
            var recorded = await client.GetJsonAsync("/bench/sends");
            foreach (var send in recorded.EnumerateArray().Where(s => s.GetProperty("hub").GetString() == "live"))
            {
                int t = send.GetProperty("turnout").GetInt32();
                if (sends.TryGetValue(t, out var times) && double.IsNaN(times.Send))
                {
                    sends[t] = times with { Send = send.GetProperty("unixMs").GetDouble() };
                }
            }
        });

        Report(settings, plain, live);
        return 0;
    }

    private static async Task<Phase> RunPhaseAsync(string hub, Uri url, Settings settings, BenchClient client,
        Func<int, Dictionary<int, (double Send, double CastSent, double CastDone)>, Task> round,
        Func<Dictionary<int, (double Send, double CastSent, double CastDone)>, Task>? fillSendTimes = null)
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
            Console.Error.WriteLine($"{hub}: {connected} connected, {failed} failed in {connectSeconds:0.0} s {connections.FirstOrDefault(c => c.Failed > 0).FirstError}");
            await Task.Delay(2000);
            var after = await MemoryAsync(client);
            // Forget what arrived on connect (the live hub sends the current state to each new watcher).
            foreach (var p in processes)
            {
                await p.ReportAsync();
            }

            var sends = new Dictionary<int, (double Send, double CastSent, double CastDone)>();
            for (int r = 0; r < settings.Rounds; r++)
            {
                await round(r, sends);
                await Task.Delay(settings.Gap);
            }
            if (fillSendTimes is not null)
            {
                await fillSendTimes(sends);
            }
            var receipts = new Dictionary<int, List<double>>();
            foreach (var p in processes)
            {
                foreach (var (turnout, times) in await p.ReportAsync())
                {
                    if (!receipts.TryGetValue(turnout, out var list))
                    {
                        receipts[turnout] = list = [];
                    }
                    list.AddRange(times);
                }
            }
            IEnumerable<double> From(Func<(double Send, double CastSent, double CastDone), double> origin) =>
                sends.SelectMany(s => receipts.GetValueOrDefault(s.Key, []).Select(received => received - origin(s.Value)));
            bool isLive = fillSendTimes is not null;
            return new Phase(hub, connected, failed, connectSeconds, before, after, connected * settings.Rounds,
                new Percentiles(From(s => s.Send).Where(v => !double.IsNaN(v))),
                isLive ? new Percentiles(From(s => s.CastDone)) : null,
                isLive ? new Percentiles(From(s => s.CastSent)) : null);
        }
        finally
        {
            foreach (var p in processes)
            {
                await p.DisposeAsync();
            }
        }
    }

    private static void Report(Settings settings, Phase plain, Phase live)
    {
        string Received(Percentiles p, Phase phase) => $"{Markdown.Number(p.Count)} of {Markdown.Number(phase.Expected)}";
        var rows = new List<IReadOnlyList<string>>
        {
            Row(plain, "server send → receipt", plain.FromSend),
            Row(live, "server send → receipt (publisher hands the update to SignalR)", live.FromSend),
            Row(live, "durable cast (201 received) → receipt, includes coalescing wait", live.FromDurableCast!),
            Row(live, "cast request sent → receipt, includes ledger commit and coalescing", live.FromCastSent!),
        };
        IReadOnlyList<string> Row(Phase phase, string measured, Percentiles p) =>
        [
            phase.Hub, measured, Markdown.Number(phase.Connected), Markdown.Number(phase.Failed), Received(p, phase),
            Markdown.Ms(p.P50), Markdown.Ms(p.P99), Markdown.Ms(p.Max),
        ];
        Markdown.Table(["hub", "latency measured from", "connected", "failed", "messages received", "p50", "p99", "max"], rows);

        static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
        static string PerClient(long delta, int clients) => clients == 0 ? "–" : (delta / 1024.0 / clients).ToString("0.00", CultureInfo.InvariantCulture) + " KB";
        Markdown.Table(["hub", "connect time", "working set before", "after", "per client", "GC heap before", "after", "per client"],
            new[] { plain, live }.Select(p => (IReadOnlyList<string>)
            [
                p.Hub, p.ConnectSeconds.ToString("0.0 s", CultureInfo.InvariantCulture), Mb(p.Before.WorkingSet), Mb(p.After.WorkingSet),
                PerClient(p.After.WorkingSet - p.Before.WorkingSet, p.Connected), Mb(p.Before.GcHeap), Mb(p.After.GcHeap),
                PerClient(p.After.GcHeap - p.Before.GcHeap, p.Connected),
            ]));

        double budget = plain.FromSend.P99 + 100;
        Console.WriteLine($"- live p99 from the publisher's send = {Markdown.Ms(live.FromSend.P99)}; plain hub p99 + 100 ms = {Markdown.Ms(budget)} (goal: {Markdown.Verdict(live.FromSend.P99 <= budget)})");
        Console.WriteLine($"- live p99 from the durable cast (end to end) = {Markdown.Ms(live.FromDurableCast!.P99)} against the same {Markdown.Ms(budget)}: {Markdown.Verdict(live.FromDurableCast.P99 <= budget)} (the publisher waits up to 250 ms on purpose)");
        double livePerClient = (live.After.GcHeap - live.Before.GcHeap) / (double)Math.Max(1, live.Connected);
        double plainPerClient = (plain.After.GcHeap - plain.Before.GcHeap) / (double)Math.Max(1, plain.Connected);
        Console.WriteLine($"- GC heap per client, live ÷ plain = {Markdown.Ratio(livePerClient / plainPerClient)}; working set per client, live ÷ plain = " +
            Markdown.Ratio((live.After.WorkingSet - live.Before.WorkingSet) / (double)Math.Max(1, live.Connected)
                / ((plain.After.WorkingSet - plain.Before.WorkingSet) / (double)Math.Max(1, plain.Connected))));
        Console.WriteLine($"- server GC: {(live.After.ServerGc ? "server" : "workstation")}; rounds {settings.Rounds}, {settings.Gap.TotalMilliseconds:0} ms apart; load average at the end: {Machine.LoadAverage()}");
    }

    private static async Task<Memory> MemoryAsync(BenchClient client)
    {
        var memory = await client.PostForJsonAsync("/bench/memory");
        return new Memory(memory.GetProperty("workingSetBytes").GetInt64(), memory.GetProperty("gcHeapBytes").GetInt64(), memory.GetProperty("serverGc").GetBoolean());
    }

    private static double NowUnixMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
