namespace Buurtbudget.Domain.Rules;

/// <summary>The family of rule that turns ballots into funded projects.</summary>
public enum RuleKind
{
    /// <summary>Most votes (points) first; a project that no longer fits is skipped.</summary>
    Greedy,

    /// <summary>Most votes (points) per euro first; a project that no longer fits is skipped.</summary>
    GreedyPerCost,

    /// <summary>The Method of Equal Shares: every voter gets an equal part of the budget to spend on what they support.</summary>
    EqualShares,

    /// <summary>Sequential Phragmén: voters earn money at the same rate and buy what they support as soon as they can.</summary>
    Phragmen,
}

/// <summary>What Equal Shares does with money it leaves unspent.</summary>
public enum Completion
{
    /// <summary>Leave it unspent.</summary>
    None,

    /// <summary>Raise every voter's equal share one currency unit at a time until the outcome is exhaustive or
    /// the next one would overspend (then keep the last one that fitted).</summary>
    Add1,

    /// <summary><see cref="Add1"/>, then fill what is left with the greedy rule.</summary>
    Add1ThenGreedy,
}

/// <summary>A fully specified outcome rule; frozen into a budget cycle when voting opens.</summary>
public sealed record OutcomeRule(RuleKind Kind, Utility Utility = Utility.Cost, Completion Completion = Completion.None)
{
    public TieBreak TieBreak { get; init; } = TieBreak.Default;

    public static OutcomeRule Greedy { get; } = new(RuleKind.Greedy);

    public static OutcomeRule GreedyPerCost { get; } = new(RuleKind.GreedyPerCost);

    public static OutcomeRule EqualShares(Utility utility = Utility.Cost, Completion completion = Completion.None) =>
        new(RuleKind.EqualShares, utility, completion);

    public static OutcomeRule Phragmen { get; } = new(RuleKind.Phragmen);

    /// <summary>Short, stable name, e.g. <c>mes-cost-add1-greedy</c>; used in manifests and exports.</summary>
    public string Name => Kind switch
    {
        RuleKind.Greedy => "greedy",
        RuleKind.GreedyPerCost => "greedy-per-cost",
        RuleKind.Phragmen => "phragmen",
        _ => "mes-" + (Utility == Utility.Cost ? "cost" : "approval") + Completion switch
        {
            Completion.Add1 => "-add1",
            Completion.Add1ThenGreedy => "-add1-greedy",
            _ => string.Empty,
        },
    };
}
