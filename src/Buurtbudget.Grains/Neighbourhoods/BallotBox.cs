using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>Turns a cycle's current ballots into the rule engine's election: the same code the CLI runs on .pb files.</summary>
internal static class BallotBox
{
    public static Outcome ComputeOutcome(BudgetCycleState cycle)
    {
        var manifest = cycle.Manifest!;
        var projects = cycle.Projects;
        var design = cycle.Design!;
        var index = projects.Select((p, i) => (p.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var voteType = design switch
        {
            CumulativeDesign => VoteType.Cumulative,
            RankingDesign => VoteType.Ordinal,
            _ => VoteType.Approval,
        };
        var election = Election.Create(manifest.BudgetCents, projects, voteType);
        foreach (var stored in cycle.CurrentBallots)
        {
            var ballot = new CastBallot(stored.Ballot);
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
        return OutcomeCalculator.Compute(election.Build(), manifest.Rule.ToRule());
    }
}
