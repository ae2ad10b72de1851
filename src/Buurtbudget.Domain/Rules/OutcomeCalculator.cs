using System.Collections.Immutable;
using Buurtbudget.Domain.Arithmetic;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Rules;

/// <summary>Applies an <see cref="OutcomeRule"/> to an <see cref="Election"/> and explains the result.</summary>
public static class OutcomeCalculator
{
    public static Outcome Compute(Election election, OutcomeRule rule) => Compute(election, rule, jumpingAdd1: true);

    /// <summary><paramref name="jumpingAdd1"/> false runs add1 one step at a time, as the reference does;
    /// benchmarks and tests use it to show that jumping selects the same projects.</summary>
    public static Outcome Compute(Election election, OutcomeRule rule, bool jumpingAdd1)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(rule);
        var profile = SupportProfile.For(election);
        var tieRank = rule.TieBreak.Ranks(profile);
        return rule.Kind switch
        {
            RuleKind.Greedy or RuleKind.GreedyPerCost => Greedy(profile, rule, tieRank),
            RuleKind.Phragmen => Phragmen(profile, rule, tieRank),
            RuleKind.EqualShares => EqualShares(profile, rule, tieRank, jumpingAdd1),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown rule."),
        };
    }

    private static Outcome Greedy(SupportProfile profile, OutcomeRule rule, int[] tieRank)
    {
        var steps = GreedyRule.Fill(profile, tieRank, rule.Kind == RuleKind.GreedyPerCost, [], Rational.Zero);
        var explanations = Explanations(profile);
        var selected = new List<int>();
        var round = 0;
        foreach (var (p, funded, leftBefore) in steps)
        {
            if (funded)
            {
                selected.Add(p);
            }

            explanations[p] = explanations[p] with
            {
                Verdict = funded ? Verdict.Funded : Verdict.DidNotFit,
                Round = funded ? ++round : null,
                BudgetLeftBefore = leftBefore.ToDecimal(),
            };
        }

        return Result(profile, rule, selected, explanations, null);
    }

    private static Outcome Phragmen(SupportProfile profile, OutcomeRule rule, int[] tieRank)
    {
        if (profile.Election.HasPoints)
        {
            throw new NotSupportedException(
                "Sequential Phragmén needs approval ballots (approval, choose-1 or ranking); these ballots carry points.");
        }

        var bought = PhragmenRule.Run(profile, tieRank, out _);
        var explanations = Explanations(profile);
        for (var p = 0; p < explanations.Length; p++)
        {
            explanations[p] = explanations[p] with { Verdict = Verdict.RuleStopped };
        }

        var round = 0;
        foreach (var (p, load, leftBefore) in bought)
        {
            explanations[p] = explanations[p] with
            {
                Verdict = Verdict.Funded,
                Round = ++round,
                Load = load.ToDecimal(),
                BudgetLeftBefore = leftBefore.ToDecimal(),
            };
        }

        return Result(profile, rule, [.. bought.Select(b => b.Project)], explanations, null);
    }

    private static Outcome EqualShares(SupportProfile profile, OutcomeRule rule, int[] tieRank, bool jumpingAdd1)
    {
        var engine = profile.EngineFor(rule.Utility, rule.TieBreak);
        long steps = 0;
        var runs = 1;
        EqualSharesRun? run = null;
        if (rule.Completion != Completion.None)
        {
            (steps, runs, run) = EqualSharesCompletion.Add1(engine, profile, jumpingAdd1);
        }

        var endowment = EqualSharesCompletion.StartingShare(profile) + steps;
        if (run is null || !run.Explained)
        {
            run = engine.Run(endowment, record: false);
        }

        var explanations = Explanations(profile);
        for (var p = 0; p < explanations.Length; p++)
        {
            if (profile.SupporterCounts[p] == 0 || (profile.Costs[p].IsZero && rule.Utility == Utility.Cost))
            {
                explanations[p] = explanations[p] with { Verdict = Verdict.NoSupport };
            }
        }

        foreach (var p in engine.FreeProjects)
        {
            explanations[p] = explanations[p] with { Verdict = Verdict.Funded, Round = 0, MaxPaymentPerSupporter = 0 };
        }

        foreach (var r in run.Rounds)
        {
            explanations[r.Project] = explanations[r.Project] with
            {
                Verdict = Verdict.Funded,
                Round = r.Round,
                PricePerUtility = r.PricePerUtility.ToDecimal(9),
                MaxPaymentPerSupporter = r.MaxPayment.ToDecimal(),
                SupportersPayingAll = r.SupportersPayingAll,
            };
        }

        foreach (var (p, drop) in run.Dropped)
        {
            explanations[p] = explanations[p] with
            {
                Verdict = Verdict.SupportersCouldNotAfford,
                Round = drop.Round,
                SupportersMoneyLeft = drop.MoneyLeft?.ToDecimal(),
            };
        }

        var selected = new List<int>(run.Selected);
        if (rule.Completion == Completion.Add1ThenGreedy)
        {
            var fill = GreedyRule.Fill(profile, tieRank, perCost: false, selected, run.TotalCost);
            foreach (var (p, funded, leftBefore) in fill)
            {
                if (funded)
                {
                    selected.Add(p);
                    explanations[p] = explanations[p] with
                    {
                        Verdict = Verdict.FundedByCompletion,
                        BudgetLeftBefore = leftBefore.ToDecimal(),
                    };
                }
            }
        }

        return Result(profile, rule, selected, explanations, new EqualSharesAccount(profile, run, () => engine.Run(endowment, record: true), steps, runs));
    }

    private static ProjectExplanation[] Explanations(SupportProfile profile)
    {
        var projects = profile.Election.Projects;
        var result = new ProjectExplanation[projects.Length];
        for (var p = 0; p < projects.Length; p++)
        {
            result[p] = new ProjectExplanation
            {
                ProjectId = projects[p].Id,
                Cost = projects[p].Cost,
                Score = profile.Scores[p].ToDecimal(),
                Supporters = profile.SupporterCounts[p],
                Verdict = Verdict.DidNotFit,
            };
        }

        return result;
    }

    private static Outcome Result(SupportProfile profile, OutcomeRule rule, List<int> selected,
        ProjectExplanation[] explanations, EqualSharesAccount? account)
    {
        var projects = profile.Election.Projects;
        return new Outcome
        {
            Rule = rule,
            Selected = [.. selected.Select(p => projects[p].Id)],
            Budget = profile.Election.Budget,
            TotalCost = selected.Sum(p => projects[p].Cost),
            Projects = [.. explanations],
            EqualShares = account,
        };
    }
}
