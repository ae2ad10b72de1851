using System.Collections.Immutable;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Rules;

/// <summary>One rule's answer on an election, for side-by-side comparison before the rules are frozen.</summary>
public sealed record RuleResult(OutcomeRule Rule, ImmutableArray<string> Selected, decimal TotalCost, decimal BudgetLeft);

/// <summary>
/// Every rule a cycle can choose, run on the same ballots, so a corporation sees before voting what its choice of
/// rule would change: which projects, and how much of the budget is used.
/// </summary>
public static class RuleComparison
{
    public static ImmutableArray<OutcomeRule> Rules(VoteType voteType) =>
    [
        OutcomeRule.Greedy,
        OutcomeRule.GreedyPerCost,
        new(RuleKind.EqualShares),
        new(RuleKind.EqualShares, Completion: Completion.Add1),
        new(RuleKind.EqualShares, Completion: Completion.Add1ThenGreedy),
        new(RuleKind.EqualShares, Utility.Approval, Completion.Add1),
        // Phragmén counts approvals; with points it is not offered (the same rule the grain enforces).
        .. voteType == VoteType.Cumulative ? [] : new[] { new OutcomeRule(RuleKind.Phragmen) },
    ];

    public static ImmutableArray<RuleResult> Compare(Election election)
    {
        ArgumentNullException.ThrowIfNull(election);
        return [.. Rules(election.VoteType).Select(rule =>
        {
            var outcome = OutcomeCalculator.Compute(election, rule);
            return new RuleResult(rule, outcome.Selected, outcome.TotalCost, outcome.BudgetLeft);
        })];
    }

    /// <summary>
    /// Seeded synthetic approval ballots for a first look when there are no real ones: each project gets a
    /// popularity between 10% and 70%, and each voter approves it with that chance (at least one project).
    /// The same seed gives the same ballots.
    /// </summary>
    public static Election WithSyntheticApprovals(decimal budget, IReadOnlyList<Project> projects, int voters, int seed)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentOutOfRangeException.ThrowIfLessThan(voters, 1);
        var random = new Random(seed);
        double[] popularity = [.. projects.Select(_ => 0.1 + (0.6 * random.NextDouble()))];
        var election = Election.Create(budget, projects, VoteType.Approval);
        var approved = new List<int>(projects.Count);
        for (int voter = 0; voter < voters; voter++)
        {
            approved.Clear();
            for (int project = 0; project < projects.Count; project++)
            {
                if (random.NextDouble() < popularity[project])
                {
                    approved.Add(project);
                }
            }
            if (approved.Count == 0)
            {
                approved.Add(random.Next(projects.Count));
            }
            election.AddBallot(approved.ToArray());
        }
        return election.Build();
    }
}
