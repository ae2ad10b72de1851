using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// The calculator keeps, per election, the support profile and one Equal Shares engine per utility and tie-break,
/// and every engine reuses one workspace from run to run. None of that may leak into a result: a rule computed on an
/// election that has seen other rules (or other threads) must give exactly what it gives on a fresh copy.
/// </summary>
public sealed class Outcomes_do_not_depend_on_what_was_computed_before
{
    private const int Elections = 150;

    private static IEnumerable<OutcomeRule> Rules()
    {
        yield return OutcomeRule.Greedy;
        foreach (var tieBreak in new[] { TieBreak.Default, TieBreak.Pabutools, TieBreak.FixedOrder(["9p5", "1p3"]) })
        {
            foreach (var utility in new[] { Utility.Cost, Utility.Approval })
            {
                foreach (var completion in new[] { Completion.None, Completion.Add1, Completion.Add1ThenGreedy })
                {
                    yield return OutcomeRule.EqualShares(utility, completion) with { TieBreak = tieBreak };
                }
            }
        }
    }

    [Fact]
    public void Every_rule_on_a_shared_election_gives_what_it_gives_on_a_fresh_copy()
    {
        for (var seed = 1; seed <= Elections; seed++)
        {
            var shared = RandomElections.Create(seed, points: seed % 3 == 0);
            foreach (var rule in Rules())
            {
                var onShared = OutcomeCalculator.Compute(shared, rule);
                var onFresh = OutcomeCalculator.Compute(RandomElections.Create(seed, points: seed % 3 == 0), rule);
                AssertSame(onFresh, onShared, $"seed {seed}, {rule.Name} ({rule.TieBreak.Name})");
            }
        }
    }

    [Fact]
    public void Computing_on_one_election_from_many_threads_gives_the_sequential_results()
    {
        var elections = Enumerable.Range(1, 40).Select(seed => RandomElections.Create(seed)).ToArray();
        var rules = Rules().ToArray();
        var expected = elections
            .Select((_, e) => rules.Select(rule => OutcomeCalculator.Compute(RandomElections.Create(e + 1), rule)).ToArray())
            .ToArray();

        // Every thread computes every (election, rule) pair, in different orders, on the shared elections.
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            var order = Enumerable.Range(0, elections.Length * rules.Length).ToArray();
            new Random(thread).Shuffle(order);
            foreach (var i in order)
            {
                var (e, r) = Math.DivRem(i, rules.Length);
                var outcome = OutcomeCalculator.Compute(elections[e], rules[r]);
                AssertSame(expected[e][r], outcome, $"thread {thread}, seed {e + 1}, {rules[r].Name}");
            }
        });
    }

    private static void AssertSame(Outcome expected, Outcome actual, string what)
    {
        Assert.True(expected.Selected.SequenceEqual(actual.Selected),
            $"{what}: {string.Join(",", expected.Selected)} vs {string.Join(",", actual.Selected)}");
        Assert.True(expected.Projects.SequenceEqual(actual.Projects), $"{what}: the explanations differ");
        if (expected.EqualShares is { } account)
        {
            var other = actual.EqualShares!;
            Assert.Equal(account.EndowmentExact, other.EndowmentExact);
            Assert.Equal(account.Add1Steps, other.Add1Steps);
            for (var v = 0; v < account.VoterCount; v++)
            {
                var a = account.ShareOf(v);
                var b = other.ShareOf(v);
                Assert.True(a.Payments.SequenceEqual(b.Payments) && a.Left == b.Left, $"{what}: voter {v}'s share differs");
            }
        }
    }
}
