using System.CommandLine;
using Buurtbudget.Cli.Bench;
using Buurtbudget.Cli.Bench.Ledger;

namespace Buurtbudget.Cli.Commands;

/// <summary>
/// <c>buurtbudget bench-ledger</c>: durable appends per second and latency with group commit on SQLite and on a
/// throwaway PostgreSQL cluster, next to naive baselines (and pgbench) measured in the same run.
/// </summary>
internal sealed class BenchLedgerCommand : Command
{
    public const int DefaultSeconds = 3;
    public const int DefaultWriters = 32;

    /// <summary>The throwaway cluster allows 60 connections; the naive baseline needs one per writer.</summary>
    public const int MaxWriters = 48;

    private readonly IReadOnlyList<string> _args;

    private readonly Option<int> _seconds = BenchOptions.Seconds("each case", DefaultSeconds);

    private readonly Option<int> _writers = new("--writers")
    {
        Description = $"Concurrent writers, each waiting for its own commits (default {DefaultWriters}, at most {MaxWriters}).",
        DefaultValueFactory = _ => DefaultWriters,
        HelpName = "N",
    };

    private readonly Option<int> _maxOperations = new("--max-operations")
    {
        Description = "Stop a case after this many operations even if time is left (default 200000).",
        DefaultValueFactory = _ => 200_000,
        HelpName = "N",
    };

    private readonly Option<bool> _json = BenchOptions.Json();

    public BenchLedgerCommand(IReadOnlyList<string> args)
        : base("bench-ledger", "Benchmark durable ledger appends (group commit) against same-run baselines on SQLite and PostgreSQL.")
    {
        _args = args;
        _writers.Validators.Add(r => BenchOptions.InRange(r, 1, MaxWriters));
        _maxOperations.Validators.Add(r => BenchOptions.InRange(r, 1, int.MaxValue));
        Add(_seconds);
        Add(_writers);
        Add(_maxOperations);
        Add(_json);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var progress = parse.InvocationConfiguration.Error;
        BenchOptions.WarnIfDebug(progress, "bench-ledger");

        var started = DateTimeOffset.UtcNow;
        var runner = new LedgerBenchRunner(
            TimeSpan.FromSeconds(parse.GetValue(_seconds)), parse.GetValue(_writers), parse.GetValue(_maxOperations), progress);
        var results = runner.RunAsync().GetAwaiter().GetResult();
        var report = new LedgerBenchReport(BenchOptions.CommandLine(_args), started, MachineFacts.Current(), results);

        return BenchOptions.Print(parse, _json, new
        {
            report.CommandLine,
            report.Date,
            report.Machine,
            report.Results,
            Ratios = report.Ratios.Select(r => new { r.Label, r.Ratio }),
        }, output => LedgerBenchMarkdown.Write(report, output));
    }
}
