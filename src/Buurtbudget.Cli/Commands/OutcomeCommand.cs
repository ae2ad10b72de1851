using System.CommandLine;
using System.CommandLine.Parsing;
using Buurtbudget.Cli.Files;
using Buurtbudget.Cli.Output;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Cli.Commands;

/// <summary><c>buurtbudget outcome FILE.pb --rule …</c>: which projects a rule funds, and why.</summary>
internal sealed class OutcomeCommand : Command
{
    private readonly Argument<string> _file = new("FILE") { Description = "The Pabulib (.pb) file with the election." };

    private readonly Option<string> _rule = new Option<string>("--rule")
    {
        Description = "The rule: greedy (most votes first), greedy-per-cost (most votes per unit of cost first), "
            + "mes (Method of Equal Shares) or phragmen (sequential Phragmén).",
        Required = true,
    }.AcceptOnlyFromAmong(RuleChoices.Rules);

    private readonly Option<string?> _utility = new Option<string?>("--utility")
    {
        Description = "mes only: what a supported project is worth to a voter: its cost (default) or 1 (approval).",
    }.AcceptOnlyFromAmong(RuleChoices.Utilities);

    private readonly Option<string?> _completion = new Option<string?>("--completion")
    {
        Description = "mes only: spend what is left: none (default), add1 (raise every share by 1 until exhaustive), "
            + "add1-greedy (add1, then greedy).",
    }.AcceptOnlyFromAmong(RuleChoices.Completions);

    private readonly Option<string> _tieBreak = new Option<string>("--tie-break")
    {
        Description = "How exact ties are decided: default (more supporters, then cheaper, then id) or "
            + "pabutools (smallest id as a string, like the reference implementation).",
        DefaultValueFactory = _ => "default",
    }.AcceptOnlyFromAmong(RuleChoices.TieBreaks);

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of text." };

    private readonly Option<bool> _explain = new("--explain")
    {
        Description = "Explain every project's result; for mes also show the first voters' shares.",
    };

    public OutcomeCommand()
        : base("outcome", "Compute which projects a rule funds.")
    {
        Add(_file);
        Add(_rule);
        Add(_utility);
        Add(_completion);
        Add(_tieBreak);
        Add(_json);
        Add(_explain);
        Validators.Add(OnlyEqualSharesHasUtilityAndCompletion);
        SetAction(Execute);
    }

    private void OnlyEqualSharesHasUtilityAndCompletion(CommandResult result)
    {
        // The raw token, not the parsed value: an unknown rule is reported by --rule's own check, and asking
        // for its value here would throw instead.
        var rule = result.GetResult(_rule)?.Tokens is [var token, ..] ? token.Value : null;
        if (rule is null || rule == RuleChoices.EqualShares || !RuleChoices.Rules.Contains(rule))
        {
            return;
        }

        foreach (var option in (ReadOnlySpan<Option>)[_utility, _completion])
        {
            if (result.GetResult(option) is not null)
            {
                result.AddError($"{option.Name} only applies to --rule mes (Method of Equal Shares), not to --rule {rule}.");
            }
        }
    }

    private int Execute(ParseResult parse)
    {
        var path = parse.GetRequiredValue(_file);
        var rule = RuleChoices.ToRule(
            parse.GetRequiredValue(_rule), parse.GetValue(_utility), parse.GetValue(_completion), parse.GetRequiredValue(_tieBreak));
        var explain = parse.GetValue(_explain);

        var file = PabulibInput.Read(path);
        Outcome outcome;
        try
        {
            outcome = OutcomeCalculator.Compute(file.ToElection(), rule);
        }
        catch (NotSupportedException e)
        {
            // Phragmén on cumulative or scoring ballots: the rule does not fit this file.
            throw new UserErrorException($"{path}: {e.Message}");
        }

        var report = OutcomeReport.From(path, file, outcome, explain);
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(CliJson.Serialize(report));
        }
        else
        {
            OutcomeText.Write(report, output);
        }

        return ExitCodes.Success;
    }
}
