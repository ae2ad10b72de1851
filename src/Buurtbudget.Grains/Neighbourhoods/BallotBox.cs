using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>Turns a cycle's current ballots into the rule engine's election: the same code the CLI runs on .pb files.</summary>
internal static class BallotBox
{
    public static Outcome ComputeOutcome(BudgetCycleState cycle) =>
        OutcomeCalculator.Compute(ToElection(cycle, cycle.CurrentBallots.Select(b => b.Ballot), centsPerUnit: 1), cycle.Manifest!.Rule.ToRule());

    /// <summary>
    /// The cycle's counted ballots as a Pabulib file in euros: ballots in a canonical order (sorted by content, as in
    /// the published list), voters numbered 1..n, so nothing in it points back to a voter or a receipt.
    /// </summary>
    public static string ExportPabulib(BudgetCycleState cycle, string neighbourhoodId)
    {
        var ballots = cycle.CurrentBallots.Select(b => b.Ballot)
            .OrderBy(b => string.Join(";", b.Select(e => FormattableString.Invariant($"{e.ProjectId}={e.Value}"))), StringComparer.Ordinal);
        var file = ToElection(cycle, ballots, centsPerUnit: 100).ToPabulibFile(
        [
            new("description", $"{cycle.Title} ({neighbourhoodId}), exported by Buurtbudget"),
            new("country", "Netherlands"),
            new("unit", neighbourhoodId),
            new("instance", cycle.CycleId),
            new(PabulibNames.Currency, "EUR"),
            new("rule", $"{cycle.Manifest!.Rule.Kind}/{cycle.Manifest.Rule.Utility}/{cycle.Manifest.Rule.Completion}"),
        ]);
        return PabulibWriter.WriteToString(file);
    }

    private static Election ToElection(BudgetCycleState cycle, IEnumerable<System.Collections.Immutable.ImmutableArray<BallotEntry>> ballots, decimal centsPerUnit)
    {
        var manifest = cycle.Manifest!;
        var projects = centsPerUnit == 1 ? cycle.Projects : [.. cycle.Projects.Select(p => new Project(p.Id, p.Cost / centsPerUnit))];
        var design = cycle.Design!;
        var index = projects.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var voteType = design switch
        {
            CumulativeDesign => VoteType.Cumulative,
            RankingDesign => VoteType.Ordinal,
            _ => VoteType.Approval,
        };
        var election = Election.Create(manifest.BudgetCents / centsPerUnit, projects, voteType);
        foreach (var entries in ballots)
        {
            var ballot = new CastBallot(entries);
            switch (design)
            {
                case ApprovalDesign approval:
                    election.AddBallot([.. approval.ToApprovedProjects(ballot, projects).Select(id => index[id])]);
                    break;
                case KnapsackDesign knapsack:
                    election.AddBallot([.. knapsack.ToApprovedProjects(ballot, projects).Select(id => index[id])]);
                    break;
                case CumulativeDesign cumulative:
                    var points = cumulative.ToPoints(ballot, projects);
                    election.AddBallot([.. points.Select(p => index[p.ProjectId])], [.. points.Select(p => (decimal)p.Points)]);
                    break;
                case RankingDesign ranking:
                    election.AddBallot([.. ranking.ToRankOrder(ballot, projects).Select(id => index[id])]);
                    break;
                default:
                    throw new InvalidOperationException($"No election mapping for {design.GetType().Name}.");
            }
        }
        return election.Build();
    }
}
