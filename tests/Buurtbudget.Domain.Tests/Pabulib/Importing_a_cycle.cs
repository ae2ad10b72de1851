using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Pabulib;

public sealed class Importing_a_cycle
{
    [Fact]
    public void Takes_the_budget_in_cents_the_projects_the_ballot_and_the_votes_as_approvals()
    {
        var import = PabulibCycleImport.From(PabulibReader.Parse(PbSamples.Approval), out string? whyNot);

        Assert.Null(whyNot);
        Assert.Equal(100_050, import!.BudgetCents);
        Assert.Equal([("Park", 40_000L), ("Bench", 50_000L), ("Trees; many", 30_000L)], import.Projects.Select(p => (p.Title, p.CostCents)));
        Assert.Equal(BallotKind.Approval, import.Ballot.Kind);
        Assert.Equal(RuleKind.Greedy, import.Rule);
        Assert.Equal([[0, 1], [2]], import.Votes.Select(v => v.ToArray()));
    }

    [Fact]
    public void Refuses_amounts_that_are_not_whole_cents()
    {
        Assert.Null(PabulibCycleImport.From(PabulibReader.Parse(PbSamples.Approval.Replace("budget;1000.50", "budget;1000.505", StringComparison.Ordinal)), out string? whyNot));
        Assert.Contains("whole cents", whyNot, StringComparison.Ordinal);
    }
}
