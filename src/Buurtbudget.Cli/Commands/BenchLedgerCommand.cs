using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Buurtbudget.Cli.Bench;
using Buurtbudget.Cli.Bench.Ledger;
using Buurtbudget.Cli.Output;

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

    private readonly Option<int> _seconds = new("--seconds")
    {
        Description = $"How long each case runs (default {DefaultSeconds}).",
        DefaultValueFactory = _ => DefaultSeconds,
        HelpName = "N",
    };

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

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of Markdown." };

    public BenchLedgerCommand(IReadOnlyList<string> args)
        : base("bench-ledger", "Benchmark durable ledger appends (group commit) against same-run baselines on SQLite and PostgreSQL.")
    {
        _args = args;
        _seconds.Validators.Add(r => InRange(r, 1, 600));
        _writers.Validators.Add(r => InRange(r, 1, MaxWriters));
        _maxOperations.Validators.Add(r => InRange(r, 1, int.MaxValue));
        Add(_seconds);
        Add(_writers);
        Add(_maxOperations);
        Add(_json);
        SetAction(Execute);
    }

    private static void InRange(OptionResult result, int min, int max)
    {
        // Read the token: a value that is not a number is already reported by the parser.
        if (result.Tokens is [var token]
            && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && (value < min || value > max))
        {
            result.AddError($"{result.Option.Name} must be between {min} and {max}.");
        }
    }

    private int Execute(ParseResult parse)
    {
        var progress = parse.InvocationConfiguration.Error;
        if (!MachineFacts.IsOptimized())
        {
            progress.WriteLine("bench-ledger: warning: this is a Debug build; run with -c Release for numbers worth recording");
        }

        var started = DateTimeOffset.UtcNow;
        var runner = new LedgerBenchRunner(
            TimeSpan.FromSeconds(parse.GetValue(_seconds)), parse.GetValue(_writers), parse.GetValue(_maxOperations), progress);
        var results = runner.RunAsync().GetAwaiter().GetResult();
        var report = new LedgerBenchReport(CommandLine(), started, MachineFacts.Current(), results);

        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(CliJson.Serialize(new
            {
                report.CommandLine,
                report.Date,
                report.Machine,
                report.Results,
                Ratios = report.Ratios.Select(r => new { r.Label, r.Ratio }),
            }));
        }
        else
        {
            LedgerBenchMarkdown.Write(report, output);
        }

        return ExitCodes.Success;
    }

    private string CommandLine() =>
        string.Join(' ', _args.Prepend("buurtbudget").Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));
}
