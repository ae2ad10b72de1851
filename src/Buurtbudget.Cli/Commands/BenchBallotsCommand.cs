using System.CommandLine;
using Buurtbudget.Cli.Bench;
using Buurtbudget.Cli.Bench.Ballots;
using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Cli.Commands;

/// <summary>
/// <c>buurtbudget bench-ballots</c>: durable ballots per second through real neighbourhood grains, per-ballot latency
/// at peak and at half of it, and activation time of a large neighbourhood with and without a snapshot, on SQLite
/// and on a throwaway PostgreSQL cluster, next to the same baselines as <c>bench-ledger</c> measured in the same run.
/// </summary>
internal sealed class BenchBallotsCommand : Command
{
    /// <summary>Small enough for a test to finish in seconds, large enough that every case and ratio is printed
    /// and a snapshot is written (at a smaller interval than the grain's default).</summary>
    private static readonly BallotBenchSettings Quick = new(TimeSpan.FromSeconds(1), 4, [1, 2], 300, 500, 3, 100);

    private readonly IReadOnlyList<string> _args;

    private readonly Option<int> _seconds = BenchOptions.Seconds("each throughput and latency case", 3);

    private readonly Option<int> _clients = new("--clients")
    {
        Description = $"Concurrent clients of the closed loop, each waiting for its receipt (default 32, at most {BenchLedgerCommand.MaxWriters}).",
        DefaultValueFactory = _ => 32,
        HelpName = "N",
    };

    private readonly Option<int[]> _neighbourhoods = new("--neighbourhoods")
    {
        Description = "One case per number: the ballots spread over that many neighbourhoods (default 1 8).",
        DefaultValueFactory = _ => [1, 8],
        AllowMultipleArgumentsPerToken = true,
        HelpName = "N",
    };

    private readonly Option<int> _maxBallots = new("--max-ballots")
    {
        Description = "The census of each case: no case casts more ballots, even if time is left (default 60000).",
        DefaultValueFactory = _ => 60_000,
        HelpName = "N",
    };

    private readonly Option<int> _activationBallots = new("--activation-ballots")
    {
        Description = "Ballots in the neighbourhood whose activation is timed; 0 skips it (default 100000).",
        DefaultValueFactory = _ => 100_000,
        HelpName = "N",
    };

    private readonly Option<int> _activationRuns = new("--activation-runs")
    {
        Description = "Timed activations of each kind; the median is reported (default 5).",
        DefaultValueFactory = _ => 5,
        HelpName = "N",
    };

    private readonly Option<string[]> _stores = new("--stores")
    {
        Description = "Which stores to run: sqlite, postgres (default both).",
        DefaultValueFactory = _ => ["sqlite", "postgres"],
        AllowMultipleArgumentsPerToken = true,
        HelpName = "STORE",
    };

    private readonly Option<int> _snapshotEvery = new("--snapshot-every")
    {
        Description = $"The grains' snapshot interval in entries (default the grain's own, {NeighbourhoodGrain.DefaultSnapshotEvery}; with --quick 100).",
        HelpName = "N",
    };

    private readonly Option<bool> _profile = new("--profile")
    {
        Description = "Profile the open-loop cases: each ballot's stages, thread-pool queue, GC pauses, the writer's busy time (to stderr).",
    };

    private readonly Option<int> _warmUp = new("--warm-up")
    {
        Description = "Seconds of unmeasured ballots through the grain before each store's cases, so the JIT has compiled the ballot path (default 5; with --quick 0).",
        DefaultValueFactory = _ => 5,
        HelpName = "SECONDS",
    };

    private readonly Option<string> _eligibility = new("--eligibility")
    {
        Description = "Who may vote: census (voters enrolled first, as with voting codes) or signed-in (any signed-in resident, as with an identity provider); default census.",
        DefaultValueFactory = _ => "census",
        HelpName = "WHO",
    };

    private readonly Option<bool> _quick = new("--quick") { Description = "A tiny run (for tests): 1 s cases, 4 clients, small counts; options given still count." };

    private readonly Option<bool> _json = BenchOptions.Json();

    public BenchBallotsCommand(IReadOnlyList<string> args)
        : base("bench-ballots", "Benchmark durable ballots through neighbourhood grains, their latency and activation time, against same-run baselines.")
    {
        _args = args;
        _clients.Validators.Add(r => BenchOptions.InRange(r, 1, BenchLedgerCommand.MaxWriters));
        _neighbourhoods.Validators.Add(r => BenchOptions.InRange(r, 1, 64));
        _maxBallots.Validators.Add(r => BenchOptions.InRange(r, 1, 1_000_000));
        _activationBallots.Validators.Add(r => BenchOptions.InRange(r, 0, 1_000_000));
        _activationRuns.Validators.Add(r => BenchOptions.InRange(r, 1, 50));
        Add(_seconds);
        Add(_clients);
        Add(_neighbourhoods);
        Add(_maxBallots);
        Add(_activationBallots);
        Add(_activationRuns);
        _stores.AcceptOnlyFromAmong("sqlite", "postgres");
        Add(_stores);
        _snapshotEvery.Validators.Add(r => BenchOptions.InRange(r, 1, int.MaxValue));
        Add(_snapshotEvery);
        Add(_profile);
        _warmUp.Validators.Add(r => BenchOptions.InRange(r, 0, 600));
        Add(_warmUp);
        _eligibility.AcceptOnlyFromAmong("census", "signed-in");
        Add(_eligibility);
        Add(_quick);
        Add(_json);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var progress = parse.InvocationConfiguration.Error;
        BenchOptions.WarnIfDebug(progress, "bench-ballots");
        var settings = Settings(parse);
        var started = DateTimeOffset.UtcNow;
        var runner = new BallotBenchRunner(settings, progress);
        var indexGrowth = runner.IndexGrowth();
        var (throughput, latency, activation) = runner.RunAsync().GetAwaiter().GetResult();
        var report = new BallotBenchReport(BenchOptions.CommandLine(_args), started, MachineFacts.Current(), settings, throughput, latency, activation)
        {
            IndexGrowth = indexGrowth,
        };

        return BenchOptions.Print(parse, _json, new
        {
            report.CommandLine,
            report.Date,
            report.Machine,
            report.Settings,
            report.Throughput,
            Ratios = report.Ratios.Select(r => new { r.Label, r.Ratio }),
            report.Latency,
            report.Activation,
            report.IndexGrowth,
        }, output => BallotBenchMarkdown.Write(report, output));
    }

    /// <summary>The given options; for the others the defaults, or with --quick the quick values.</summary>
    private BallotBenchSettings Settings(ParseResult parse)
    {
        bool quick = parse.GetValue(_quick);
        T Pick<T>(Option<T> option, T quickValue) =>
            quick && parse.GetResult(option) is null or { Implicit: true } ? quickValue : parse.GetValue(option)!;

        return new BallotBenchSettings(
            TimeSpan.FromSeconds(Pick(_seconds, (int)Quick.PerCase.TotalSeconds)),
            Pick(_clients, Quick.Clients),
            [.. Pick(_neighbourhoods, [.. Quick.Neighbourhoods]).Distinct()],
            Pick(_maxBallots, Quick.MaxBallots),
            Pick(_activationBallots, Quick.ActivationBallots),
            Pick(_activationRuns, Quick.ActivationRuns),
            parse.GetResult(_snapshotEvery) is { Implicit: false } ? parse.GetValue(_snapshotEvery)
                : quick ? Quick.SnapshotEvery : NeighbourhoodGrain.DefaultSnapshotEvery)
        {
            Stores = [.. parse.GetValue(_stores)!.Distinct()],
            Profile = parse.GetValue(_profile),
            WarmUp = TimeSpan.FromSeconds(Pick(_warmUp, 0)),
            Eligibility = parse.GetValue(_eligibility) == "signed-in" ? Eligibility.AnySignedInResident : Eligibility.Census,
        };
    }
}
