using System.Collections.Immutable;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Server.Cycles;

/// <summary>
/// The published result of a closed vote: what was funded and, for every project, why or why not (amounts in
/// cents). Per-voter Equal Shares accounts are left out: published ballots are deliberately not linked to voters.
/// </summary>
public sealed record CycleResults(RuleKind Rule, Utility Utility, Completion Completion, ImmutableArray<string> Selected,
    long BudgetCents, long SpentCents, ImmutableArray<ProjectExplanation> Projects)
{
    public static CycleResults From(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new(outcome.Rule.Kind, outcome.Rule.Utility, outcome.Rule.Completion, outcome.Selected,
            (long)outcome.Budget, (long)outcome.TotalCost, outcome.Projects);
    }
}
