using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Buurtbudget.Cli.Bench;
using Buurtbudget.Cli.Output;

namespace Buurtbudget.Cli.Commands;

/// <summary>What the bench commands share: bounded numeric options and the command line as recorded in a report.</summary>
internal static class BenchOptions
{
    /// <summary>Validator: every value given for the option lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static void InRange(OptionResult result, int min, int max)
    {
        // Read the tokens: a value that is not a number is already reported by the parser.
        foreach (var token in result.Tokens)
        {
            if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            {
                result.AddError($"{result.Option.Name} must be between {min} and {max}.");
                return;
            }
        }
    }

    /// <summary>The command as typed, for the report, so a number can be reproduced.</summary>
    public static string CommandLine(IReadOnlyList<string> args) =>
        string.Join(' ', args.Prepend("buurtbudget").Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    /// <summary>How long each case runs: whole seconds, bounded.</summary>
    public static Option<int> Seconds(string what, int defaultSeconds)
    {
        var option = new Option<int>("--seconds")
        {
            Description = $"How long {what} runs (default {defaultSeconds}).",
            DefaultValueFactory = _ => defaultSeconds,
            HelpName = "N",
        };
        option.Validators.Add(r => InRange(r, 1, 600));
        return option;
    }

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of Markdown." };

    /// <summary>Debug builds time unoptimised code: say so before anyone records the numbers.</summary>
    public static void WarnIfDebug(TextWriter progress, string tool)
    {
        if (!MachineFacts.IsOptimized())
        {
            progress.WriteLine($"{tool}: warning: this is a Debug build; run with -c Release for numbers worth recording");
        }
    }

    /// <summary>Prints the report as JSON when <paramref name="json"/> was given, else as Markdown.</summary>
    public static int Print(ParseResult parse, Option<bool> json, object asJson, Action<TextWriter> asMarkdown)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(json))
        {
            output.WriteLine(CliJson.Serialize(asJson));
        }
        else
        {
            asMarkdown(output);
        }

        return ExitCodes.Success;
    }
}
