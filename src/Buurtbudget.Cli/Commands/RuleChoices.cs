using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Cli.Commands;

/// <summary>The words <c>outcome</c> accepts for a rule and how they map onto an <see cref="OutcomeRule"/>.
/// Kept in one place so the help text, the validation and the mapping cannot drift apart.</summary>
internal static class RuleChoices
{
    public const string Greedy = "greedy";
    public const string GreedyPerCost = "greedy-per-cost";
    public const string EqualShares = "mes";
    public const string Phragmen = "phragmen";

    public static readonly string[] Rules = [Greedy, GreedyPerCost, EqualShares, Phragmen];
    public static readonly string[] Utilities = ["cost", "approval"];
    public static readonly string[] Completions = ["none", "add1", "add1-greedy"];
    public static readonly string[] TieBreaks = ["default", "pabutools"];

    /// <summary>Builds the rule; <paramref name="utility"/> and <paramref name="completion"/> are null when
    /// not given (validation has already made sure they are only given with <see cref="EqualShares"/>).</summary>
    public static OutcomeRule ToRule(string rule, string? utility, string? completion, string tieBreak)
    {
        var kind = rule switch
        {
            Greedy => RuleKind.Greedy,
            GreedyPerCost => RuleKind.GreedyPerCost,
            EqualShares => RuleKind.EqualShares,
            Phragmen => RuleKind.Phragmen,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a rule name."),
        };
        var parsedUtility = utility switch
        {
            null or "cost" => Utility.Cost,
            "approval" => Utility.Approval,
            _ => throw new ArgumentOutOfRangeException(nameof(utility), utility, "Not a utility name."),
        };
        var parsedCompletion = completion switch
        {
            null or "none" => Completion.None,
            "add1" => Completion.Add1,
            "add1-greedy" => Completion.Add1ThenGreedy,
            _ => throw new ArgumentOutOfRangeException(nameof(completion), completion, "Not a completion name."),
        };
        return new OutcomeRule(kind, parsedUtility, parsedCompletion)
        {
            TieBreak = tieBreak == "pabutools" ? TieBreak.Pabutools : TieBreak.Default,
        };
    }
}
