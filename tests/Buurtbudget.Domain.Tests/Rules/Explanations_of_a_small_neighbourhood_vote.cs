using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// Ten households, €1,000. Six like the playground (A, €600) and the benches (B, €300); four like the
/// community garden (C, €400) and the bike racks (D, €100); nobody asked for the mural (E, €50).
/// Greedy follows the majority; Equal Shares gives the four households their proportional part.
/// </summary>
public sealed class Explanations_of_a_small_neighbourhood_vote
{
    private static Election Neighbourhood()
    {
        var projects = new[]
        {
            new Project("A", 600), new Project("B", 300), new Project("C", 400), new Project("D", 100), new Project("E", 50),
        };
        var builder = Election.Create(1000, projects, VoteType.Approval);
        for (var i = 0; i < 6; i++)
        {
            builder.AddBallot([0, 1]);
        }

        for (var i = 0; i < 4; i++)
        {
            builder.AddBallot([2, 3]);
        }

        return builder.Build();
    }

    private static ProjectExplanation Of(Outcome outcome, string id) => outcome.Projects.Single(p => p.ProjectId == id);

    [Fact]
    public void Greedy_funds_the_majority_then_whatever_still_fits()
    {
        var outcome = OutcomeCalculator.Compute(Neighbourhood(), OutcomeRule.Greedy);

        // A and B both have six votes: the default tie-break takes the cheaper B first.
        Assert.Equal(["B", "A", "D"], outcome.Selected.ToArray());
        Assert.Equal(Verdict.DidNotFit, Of(outcome, "C").Verdict);
        // C and D both have four votes: D, cheaper, takes the last €100, so nothing is left for C.
        Assert.Equal(0m, Of(outcome, "C").BudgetLeftBefore);
        Assert.Equal(3, Of(outcome, "D").Round);
        Assert.Equal(Verdict.DidNotFit, Of(outcome, "E").Verdict);
        Assert.Equal(0m, Of(outcome, "E").BudgetLeftBefore);
        Assert.Equal(2, Of(outcome, "A").Round);
        Assert.Equal(1000m, outcome.TotalCost);
    }

    [Fact]
    public void Equal_Shares_gives_the_minority_its_share_and_explains_every_payment()
    {
        var outcome = OutcomeCalculator.Compute(Neighbourhood(), OutcomeRule.EqualShares(Utility.Cost));

        // Each household has €100. A and B both cost their six supporters 1/6 per euro of utility; the cheaper B
        // wins the tie (€50 each), after which A's supporters have €300 for a €600 project. C and D both cost
        // 1/4: D goes first (€25 each), after which C's supporters have €300 for a €400 project.
        Assert.Equal(["B", "D"], outcome.Selected.ToArray());
        Assert.Equal(Verdict.Funded, Of(outcome, "D").Verdict);
        Assert.Equal(25m, Of(outcome, "D").MaxPaymentPerSupporter);
        Assert.Equal(50m, Of(outcome, "B").MaxPaymentPerSupporter);
        Assert.Equal(Verdict.SupportersCouldNotAfford, Of(outcome, "A").Verdict);
        Assert.Equal(300m, Of(outcome, "A").SupportersMoneyLeft);
        Assert.Equal(300m, Of(outcome, "C").SupportersMoneyLeft);
        Assert.Equal(Verdict.NoSupport, Of(outcome, "E").Verdict);

        var minority = outcome.EqualShares!.ShareOf(7);
        Assert.Equal(100m, minority.Endowment);
        Assert.Equal([new VoterPayment("D", 25m)], minority.Payments.ToArray());
        Assert.Equal(75m, minority.Left);
    }

    [Fact]
    public void Add1_completion_raises_the_shares_until_the_garden_is_affordable()
    {
        var outcome = OutcomeCalculator.Compute(Neighbourhood(), OutcomeRule.EqualShares(Utility.Cost, Completion.Add1));

        // At €125 a household the four can pay C (4 × €100) after D (4 × €25): D, B and C cost €800 ≤ €1,000.
        Assert.Equal(["B", "C", "D"], outcome.SelectedSorted.ToArray());
        Assert.Equal(25, outcome.EqualShares!.Add1Steps);
        Assert.True(outcome.TotalCost <= outcome.Budget);
    }

    [Fact]
    public void Ties_are_broken_by_support_then_cost_then_id_by_default_and_by_id_in_pabutools_mode()
    {
        var projects = new[] { new Project("9", 100), new Project("10", 100), new Project("b", 50) };
        var builder = Election.Create(100, projects, VoteType.Approval);
        builder.AddBallot([0]).AddBallot([1]);
        var election = builder.Build();

        // "10" before "9" as ordinal strings, as pabutools compares ids.
        Assert.Equal(["10"], OutcomeCalculator.Compute(election, OutcomeRule.Greedy with { TieBreak = TieBreak.Pabutools }).Selected.Take(1));
        Assert.Equal(["10"], OutcomeCalculator.Compute(election, OutcomeRule.Greedy).Selected.Take(1));
        Assert.Equal(["9"], OutcomeCalculator.Compute(election, OutcomeRule.Greedy with { TieBreak = TieBreak.FixedOrder(["9", "10"]) }).Selected.Take(1));
    }
}
