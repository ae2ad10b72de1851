using Buurtbudget.Domain.Arithmetic;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// Properties every rule must have, checked on seeded random elections (the seed is in every failure message;
/// set BUURTBUDGET_RULES_SEED to start elsewhere).
/// </summary>
public sealed class Outcome_properties_on_random_elections
{
    private const int Elections = 400;

    private static readonly int s_firstSeed =
        int.TryParse(Environment.GetEnvironmentVariable("BUURTBUDGET_RULES_SEED"), out var seed) ? seed : 1;

    private static IEnumerable<OutcomeRule> AllRules(bool points)
    {
        yield return OutcomeRule.Greedy;
        yield return OutcomeRule.GreedyPerCost;
        foreach (var utility in new[] { Utility.Cost, Utility.Approval })
        {
            foreach (var completion in new[] { Completion.None, Completion.Add1, Completion.Add1ThenGreedy })
            {
                yield return OutcomeRule.EqualShares(utility, completion);
            }
        }

        if (!points)
        {
            yield return OutcomeRule.Phragmen;
        }
    }

    private static IEnumerable<(int Seed, Election Election)> Cases()
    {
        for (var seed = s_firstSeed; seed < s_firstSeed + Elections; seed++)
        {
            yield return (seed, RandomElections.Create(seed, points: seed % 3 == 0));
        }
    }

    [Fact]
    public void No_rule_ever_spends_more_than_the_budget()
    {
        foreach (var (seed, election) in Cases())
        {
            foreach (var rule in AllRules(election.HasPoints))
            {
                var outcome = OutcomeCalculator.Compute(election, rule);
                Assert.True(outcome.TotalCost <= election.Budget,
                    $"seed {seed}, {rule.Name}: spends {outcome.TotalCost} of {election.Budget}");
                Assert.Equal(outcome.Selected.Length, outcome.Selected.Distinct().Count());
            }
        }
    }

    [Fact]
    public void Greedy_leaves_no_project_that_still_fits()
    {
        foreach (var (seed, election) in Cases())
        {
            foreach (var rule in new[] { OutcomeRule.Greedy, OutcomeRule.GreedyPerCost,
                         OutcomeRule.EqualShares(Utility.Cost, Completion.Add1ThenGreedy) })
            {
                var outcome = OutcomeCalculator.Compute(election, rule);
                var left = election.Budget - outcome.TotalCost;
                var unfundedThatFits = election.Projects
                    .Where(p => !outcome.Selected.Contains(p.Id) && p.Cost <= left)
                    .Select(p => p.Id).ToList();
                Assert.True(unfundedThatFits.Count == 0,
                    $"seed {seed}, {rule.Name}: {string.Join(",", unfundedThatFits)} still fit in {left}");
            }
        }
    }

    [Fact]
    public void Equal_Shares_selects_what_a_plain_implementation_selects()
    {
        foreach (var (seed, election) in Cases())
        {
            foreach (var utility in new[] { Utility.Cost, Utility.Approval })
            {
                var rule = OutcomeRule.EqualShares(utility) with { TieBreak = TieBreak.Pabutools };
                var outcome = OutcomeCalculator.Compute(election, rule);
                var endowment = election.VoterCount == 0
                    ? Rational.Zero
                    : Rational.Of(election.Budget) / election.VoterCount;
                var plain = NaiveEqualShares.Select(election, utility, endowment,
                    (a, b) => string.CompareOrdinal(election.Projects[a].Id, election.Projects[b].Id) < 0);
                Assert.True(plain.Order(StringComparer.Ordinal).SequenceEqual(outcome.SelectedSorted),
                    $"seed {seed}, {rule.Name}: plain {string.Join(",", plain)} vs engine {string.Join(",", outcome.Selected)}");
            }
        }
    }

    [Fact]
    public void In_Equal_Shares_nobody_pays_more_than_their_share_and_payments_add_up_to_the_costs()
    {
        foreach (var (seed, election) in Cases())
        {
            foreach (var rule in new[] { OutcomeRule.EqualShares(Utility.Cost), OutcomeRule.EqualShares(Utility.Approval, Completion.Add1) })
            {
                var outcome = OutcomeCalculator.Compute(election, rule);
                var account = outcome.EqualShares!;
                var paidPerProject = new Dictionary<string, decimal>(StringComparer.Ordinal);
                for (var v = 0; v < election.VoterCount; v++)
                {
                    var share = account.ShareOf(v);
                    var paid = share.Payments.Sum(p => p.Amount);
                    // Amounts are rounded to 6 decimals for display; the exact ones are checked by the engine.
                    Assert.True(paid <= share.Endowment + 0.00001m, $"seed {seed}, {rule.Name}: voter {v} paid {paid} of {share.Endowment}");
                    Assert.True(Math.Abs(share.Endowment - paid - share.Left) <= 0.00001m, $"seed {seed}: voter {v} account does not balance");
                    foreach (var payment in share.Payments)
                    {
                        paidPerProject[payment.ProjectId] = paidPerProject.GetValueOrDefault(payment.ProjectId) + payment.Amount;
                    }
                }

                foreach (var explanation in outcome.Projects.Where(p => p.Verdict == Verdict.Funded && p.Cost > 0))
                {
                    var paid = paidPerProject.GetValueOrDefault(explanation.ProjectId);
                    Assert.True(Math.Abs(paid - explanation.Cost) <= 0.0001m * Math.Max(1, explanation.Supporters),
                        $"seed {seed}, {rule.Name}: {explanation.ProjectId} cost {explanation.Cost}, supporters paid {paid}");
                }
            }
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_order_of_the_ballots()
    {
        foreach (var (seed, election) in Cases())
        {
            var shuffled = RandomElections.Shuffled(election, seed);
            foreach (var rule in AllRules(election.HasPoints))
            {
                var before = OutcomeCalculator.Compute(election, rule).SelectedSorted;
                var after = OutcomeCalculator.Compute(shuffled, rule).SelectedSorted;
                Assert.True(before.SequenceEqual(after), $"seed {seed}, {rule.Name}: {string.Join(",", before)} vs {string.Join(",", after)}");
            }
        }
    }

    [Fact]
    public void Skipping_add1_steps_selects_exactly_what_step_by_step_add1_selects()
    {
        foreach (var (seed, election) in Cases())
        {
            foreach (var utility in new[] { Utility.Cost, Utility.Approval })
            {
                var rule = OutcomeRule.EqualShares(utility, Completion.Add1);
                var jumping = OutcomeCalculator.Compute(election, rule, jumpingAdd1: true);
                var stepping = OutcomeCalculator.Compute(election, rule, jumpingAdd1: false);
                Assert.True(jumping.SelectedSorted.SequenceEqual(stepping.SelectedSorted),
                    $"seed {seed}, {rule.Name}: jumping {string.Join(",", jumping.SelectedSorted)} vs steps {string.Join(",", stepping.SelectedSorted)}");
                Assert.Equal(stepping.EqualShares!.Add1Steps, jumping.EqualShares!.Add1Steps);
            }
        }
    }
}
