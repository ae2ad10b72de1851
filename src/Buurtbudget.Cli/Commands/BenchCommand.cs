using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Buurtbudget.Cli.Bench;
using Buurtbudget.Cli.Output;

namespace Buurtbudget.Cli.Commands;

/// <summary>
/// <c>buurtbudget bench</c>: times the rules on real Pabulib files against baselines measured in the same run.
/// A command rather than a test, because timings on a shared machine are facts to record, not to assert.
/// </summary>
internal sealed class BenchCommand : Command
{
    /// <summary>Enough runs for a stable median of the quick cases; slow cases are capped by
    /// <see cref="BenchRunner.CaseBudget"/> instead.</summary>
    public const int DefaultIterations = 11;

    private readonly IReadOnlyList<string> _args;

    private readonly Option<string?> _pabulib = new("--pabulib")
    {
        Description = $"Folder with the Pabulib files (default: ${PabulibFolder.Variable}, else ../shared/pabulib next to the repository).",
        HelpName = "DIR",
    };

    private readonly Option<int> _iterations = new("--iterations")
    {
        Description = $"Most timed runs per case, after warm-up; the median is reported (default {DefaultIterations}; "
            + "cases that would take over a minute get fewer).",
        DefaultValueFactory = _ => DefaultIterations,
        HelpName = "N",
    };

    private readonly Option<bool> _quick = new("--quick") { Description = "Skip Budapest 2024 (the slowest case)." };

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of Markdown." };

    /// <param name="args">The whole command line, printed with the results so they can be reproduced.</param>
    public BenchCommand(IReadOnlyList<string> args)
        : base("bench", "Benchmark the rules on real Pabulib files; prints a Markdown table for docs/performance.md.")
    {
        _args = args;
        _iterations.Validators.Add(MustBePositive);
        Add(_pabulib);
        Add(_iterations);
        Add(_quick);
        Add(_json);
        SetAction(Execute);
    }

    private static void MustBePositive(OptionResult result)
    {
        // Read the token: a value that is not a number is already reported by the parser, and asking for
        // the parsed value here would throw instead.
        if (result.Tokens is [var token]
            && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var iterations)
            && iterations < 1)
        {
            result.AddError("--iterations must be at least 1.");
        }
    }

    private int Execute(ParseResult parse)
    {
        var folder = PabulibFolder.Locate(parse.GetValue(_pabulib));
        var iterations = parse.GetValue(_iterations);
        var progress = parse.InvocationConfiguration.Error;
        if (!MachineFacts.IsOptimized())
        {
            progress.WriteLine("bench: warning: this is a Debug build; run with -c Release for numbers worth recording");
        }

        var started = DateTimeOffset.UtcNow;
        var cases = new BenchRunner(folder, iterations, parse.GetValue(_quick), progress).Run();
        var report = new BenchReport(BenchOptions.CommandLine(_args), started, MachineFacts.Current(), iterations, cases);

        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(CliJson.Serialize(report));
        }
        else
        {
            BenchMarkdown.Write(report, output);
        }

        return ExitCodes.Success;
    }
}
