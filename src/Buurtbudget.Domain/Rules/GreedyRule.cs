using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// The rule most cities use: fund the most popular projects first, skipping any that no longer fit.
/// Projects nobody voted for come last but are still funded if money is left, as in the reference implementation.
/// </summary>
internal static class GreedyRule
{
    /// <summary>Fills the budget left after <paramref name="alreadyFunded"/>; returns the projects added, in order,
    /// with the money left before each project was considered.</summary>
    public static List<(int Project, bool Funded, Rational LeftBefore)> Fill(SupportProfile profile, int[] tieRank,
        bool perCost, IReadOnlyCollection<int> alreadyFunded, Rational spent)
    {
        var taken = new bool[profile.ProjectCount];
        foreach (var p in alreadyFunded)
        {
            taken[p] = true;
        }

        var order = Enumerable.Range(0, profile.ProjectCount).Where(p => !taken[p]).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byDensity = DensityOf(profile, perCost, b).CompareTo(DensityOf(profile, perCost, a));
            return byDensity != 0 ? byDensity : tieRank[a].CompareTo(tieRank[b]);
        });

        var left = profile.Budget - spent;
        var result = new List<(int, bool, Rational)>(order.Length);
        foreach (var p in order)
        {
            var fits = profile.Costs[p] <= left;
            result.Add((p, fits, left));
            if (fits)
            {
                left -= profile.Costs[p];
            }
        }

        return result;
    }

    /// <summary>Votes, or votes per unit of cost. Unsupported projects rank last whatever they cost and free
    /// supported projects rank first, matching pabutools.</summary>
    private static Density DensityOf(SupportProfile profile, bool perCost, int p)
    {
        var score = profile.Scores[p];
        if (score.Sign <= 0)
        {
            return new Density(0, Rational.Zero);
        }

        if (!perCost)
        {
            return new Density(1, score);
        }

        return profile.Costs[p].IsZero ? new Density(2, Rational.Zero) : new Density(1, score / profile.Costs[p]);
    }

    private readonly record struct Density(int Tier, Rational Value) : IComparable<Density>
    {
        public int CompareTo(Density other) =>
            Tier != other.Tier ? Tier.CompareTo(other.Tier) : Value.CompareTo(other.Value);
    }
}
