using Buurtbudget.Cli.Bench.Ledger;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Postgres;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;
using Npgsql;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// Durable ballots through real neighbourhood grains on SQLite and on a throwaway PostgreSQL cluster, next to the
/// baselines of <c>bench-ledger</c> measured in the same run; per-ballot latency at peak and at half of it; and the
/// activation time of a large neighbourhood. Every case is bounded by time and by its census.
/// </summary>
internal sealed class BallotBenchRunner(BallotBenchSettings settings, TextWriter progress)
{
    private const string Tool = "bench-ballots";

    private readonly Baselines _baselines = new(settings.PerCase, settings.MaxBallots, progress, Tool);
    private readonly BallotSecrecy _secrecy = BallotSecrecy.CreateRandom();
    private readonly List<LedgerBenchResult> _throughput = [];
    private readonly List<BallotLatencyResult> _latency = [];
    private readonly List<ActivationResult> _activation = [];

    /// <summary>The index growth case: as many entries as the biggest neighbourhood of the run.</summary>
    public IReadOnlyList<IndexGrowthResult> IndexGrowth()
    {
        int entries = Math.Max(settings.MaxBallots, settings.ActivationBallots);
        progress.WriteLine($"{Tool}: filling the ballot box's index with {entries} digests, {settings.ActivationRuns} times");
        return IndexGrowthBench.Run(entries, settings.ActivationRuns);
    }

    public async Task<(IReadOnlyList<LedgerBenchResult>, IReadOnlyList<BallotLatencyResult>, IReadOnlyList<ActivationResult>)> RunAsync()
    {
        using var folder = new TempDirectory("buurtbudget-bench-ballots-");
        if (settings.Stores.Contains("sqlite"))
        {
            await RunSqliteAsync(folder).ConfigureAwait(false);
        }
        if (settings.Stores.Contains("postgres"))
        {
            await RunPostgresAsync(folder).ConfigureAwait(false);
        }
        return (_throughput, _latency, _activation);
    }

    private async Task RunSqliteAsync(TempDirectory folder)
    {
        var ledger = SqliteEventLedger.Open(folder.File("ballots.db"));
        await using (ledger.ConfigureAwait(false))
        {
            await BallotCasesAsync("SQLite", ledger, () => ledger.Counters.Commits, () => ledger.TimeInCommits, ledger.TakeLongestCommit).ConfigureAwait(false);
            _throughput.Add(await _baselines.SqliteInsertPerCommitAsync(folder).ConfigureAwait(false));
            await ActivationAsync("SQLite", ledger).ConfigureAwait(false);
        }
    }

    private async Task RunPostgresAsync(TempDirectory folder)
    {
        var (cluster, database) = await BenchPostgres.StartAsync(progress, Tool).ConfigureAwait(false);
        await using (cluster.ConfigureAwait(false))
        {
            var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
            await using (dataSource.ConfigureAwait(false))
            {
                var ledger = new PostgresEventLedger(dataSource);
                await using (ledger.ConfigureAwait(false))
                {
                    await BallotCasesAsync("PostgreSQL", ledger, () => ledger.Counters.Commits, () => ledger.TimeInCommits, ledger.TakeLongestCommit).ConfigureAwait(false);
                    _throughput.AddRange(await _baselines.PostgresAsync(database, settings.Clients, folder).ConfigureAwait(false));
                    await ActivationAsync("PostgreSQL", ledger).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Per neighbourhood count: the closed loop (peak), then the open loop at half of that peak.</summary>
    private async Task BallotCasesAsync(string store, IEventLedger ledger, Func<long> commits, Func<TimeSpan> timeInCommits, Func<TimeSpan> longestCommit)
    {
        if (settings.Profile)
        {
            ledger = new ProbedLedger(ledger);
        }
        await WarmUpAsync(store, ledger).ConfigureAwait(false);
        foreach (var neighbourhoods in settings.Neighbourhoods)
        {
            var name = neighbourhoods == 1 ? "ballots through the grain, 1 neighbourhood" : $"ballots through the grain, {neighbourhoods} neighbourhoods";
            var runtime = BallotRuntime.Create(ledger, _secrecy, settings.SnapshotEvery);
            await using (runtime.ConfigureAwait(false))
            {
                var closed = await BallotScenario.SetUpAsync(runtime, $"closed-{neighbourhoods}", neighbourhoods, settings.MaxBallots, settings.Eligibility).ConfigureAwait(false);
                long commitsBefore = commits();
                var peak = await _baselines.MeasureAsync($"{store}: {name}", settings.Clients, _ => closed.CastNextAsync).ConfigureAwait(false);
                _throughput.Add(Baselines.Result(name, store, settings.Clients, peak, commits() - commitsBefore));
                await CheckCountedAsync(closed, peak.Operations).ConfigureAwait(false);
                _latency.Add(new BallotLatencyResult(store, neighbourhoods, $"peak: closed loop, {settings.Clients} clients", null,
                    peak.Operations, peak.Seconds, peak.P50Ms, peak.P99Ms));

                var half = Math.Max(1, peak.Operations / peak.Seconds / 2);
                long census = Math.Min(settings.MaxBallots, (long)Math.Ceiling(half * settings.PerCase.TotalSeconds) + 1);
                var open = await BallotScenario.SetUpAsync(runtime, $"open-{neighbourhoods}", neighbourhoods, census, settings.Eligibility).ConfigureAwait(false);
                progress.WriteLine($"{Tool}: {store}: {name}, open loop at {half:0} ballots/s for {settings.PerCase.TotalSeconds:0.#} s");
                var steady = settings.Profile
                    ? await ProfiledOpenLoopAsync($"{store}: {name}", half, census, open, (ProbedLedger)ledger, commits, timeInCommits, longestCommit).ConfigureAwait(false)
                    : await OpenLoop.RunAsync(half, settings.PerCase, census, _ => open.CastNextAsync()).ConfigureAwait(false);
                await CheckCountedAsync(open, steady.Operations).ConfigureAwait(false);
                _latency.Add(new BallotLatencyResult(store, neighbourhoods, "half of peak: open loop", half,
                    steady.Operations, steady.Seconds, steady.P50Ms, steady.P99Ms));
            }
        }
    }

    private async Task WarmUpAsync(string store, IEventLedger ledger)
    {
        if (settings.WarmUp <= TimeSpan.Zero)
        {
            return;
        }
        var runtime = BallotRuntime.Create(ledger, _secrecy, settings.SnapshotEvery);
        await using (runtime.ConfigureAwait(false))
        {
            var warm = await BallotScenario.SetUpAsync(runtime, "warm-up", 1, settings.MaxBallots, settings.Eligibility).ConfigureAwait(false);
            progress.WriteLine($"{Tool}: {store}: warming up for {settings.WarmUp.TotalSeconds:0.#} s, not measured");
            await ClosedLoop.RunAsync(settings.Clients, settings.WarmUp, settings.MaxBallots, _ => warm.CastNextAsync).ConfigureAwait(false);
        }
    }

    private async Task<OpenLoop.Outcome> ProfiledOpenLoopAsync(
        string name, double perSecond, long census, BallotScenario open, ProbedLedger probe, Func<long> commits, Func<TimeSpan> timeInCommits, Func<TimeSpan> longestCommit)
    {
        var traces = new System.Collections.Concurrent.ConcurrentQueue<BallotTrace>();
        long commitsBefore = commits();
        var busyBefore = timeInCommits();
        longestCommit();
        using var sampler = new RuntimeSampler();
        var outcome = await OpenLoop.RunAsync(perSecond, settings.PerCase, census, async scheduled =>
        {
            var trace = new BallotTrace(scheduled) { Started = BallotTrace.Now };
            BallotTrace.Current = trace;
            traces.Enqueue(trace);
            await open.CastNextAsync().ConfigureAwait(false);
            trace.Returned = BallotTrace.Now;
        }).ConfigureAwait(false);
        var machine = sampler.Stop();
        var allocated = sampler.Allocated;
        long batches = commits() - commitsBefore;
        var busy = timeInCommits() - busyBefore;
        progress.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Tool}: profile of {name}, open loop at {perSecond:0}/s: p50 {outcome.P50Ms:0.00} ms, p99 {outcome.P99Ms:0.00} ms\n  "
            + $"writer: {batches} commits, {outcome.Operations / (double)Math.Max(1, batches):0.0} ballots per commit, "
            + $"mean commit {busy.TotalMilliseconds / Math.Max(1, batches):0.00} ms, longest {longestCommit().TotalMilliseconds:0.0} ms, busy {busy.TotalSeconds / outcome.Seconds:P0} of the time; {allocated / (double)outcome.Operations / 1024:0.0} KB allocated per ballot\n  "
            + $"{machine}\n  {PathProfile.Describe(traces)}\n  {PathProfile.DescribeSnapshots(traces, probe.SnapshotWrites)}"));
        return outcome;
    }

    private async Task ActivationAsync(string store, IEventLedger ledger)
    {
        if (settings.ActivationBallots > 0)
        {
            var bench = new ActivationBench(ledger, _secrecy, settings.SnapshotEvery, settings.Eligibility, progress);
            _activation.AddRange(await bench.RunAsync(store, settings.ActivationBallots, settings.ActivationRuns).ConfigureAwait(false));
        }
    }

    /// <summary>A receipt for a ballot that is not counted would make every number here meaningless.</summary>
    private static async Task CheckCountedAsync(BallotScenario scenario, long cast)
    {
        var counted = await scenario.CountedAsync().ConfigureAwait(false);
        if (counted != cast)
        {
            throw new InvalidOperationException($"{cast} ballots got a receipt but the neighbourhoods count {counted}.");
        }
    }
}
