using Buurtbudget.Domain.Arithmetic;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Domain.Tests.Rules;

/// <summary>
/// The Method of Equal Shares written as plainly as possible (one exact budget per voter, every project
/// re-evaluated every round), as an independent check of the optimised engine.
/// </summary>
internal static class NaiveEqualShares
{
    public static List<string> Select(Election election, Utility utility, Rational endowment, Func<int, int, bool> firstWinsTie)
    {
        var n = election.VoterCount;
        var m = election.Projects.Length;
        var budget = new Rational[n];
        Array.Fill(budget, endowment);
        var u = new Rational[n, m];
        for (var v = 0; v < n; v++)
        {
            var ballot = election.BallotOf(v);
            var points = election.PointsOf(v);
            for (var k = 0; k < ballot.Length; k++)
            {
                var weight = points.IsEmpty ? 1m : points[k];
                if (weight > 0)
                {
                    var cost = Rational.Of(election.Projects[ballot[k]].Cost);
                    u[v, ballot[k]] = Rational.Of(weight) * (utility == Utility.Cost ? cost : Rational.One);
                }
            }
        }

        var selected = new List<string>();
        var open = new List<int>();
        for (var p = 0; p < m; p++)
        {
            var supported = Enumerable.Range(0, n).Any(v => u[v, p].Sign > 0);
            if (!supported)
            {
                continue;
            }

            if (election.Projects[p].Cost == 0)
            {
                selected.Add(election.Projects[p].Id);
            }
            else
            {
                open.Add(p);
            }
        }

        while (true)
        {
            var best = -1;
            var bestPrice = Rational.Zero;
            foreach (var p in open.ToList())
            {
                var cost = Rational.Of(election.Projects[p].Cost);
                var supporters = Enumerable.Range(0, n).Where(v => u[v, p].Sign > 0).ToList();
                var money = supporters.Aggregate(Rational.Zero, (sum, v) => sum + budget[v]);
                if (money < cost)
                {
                    open.Remove(p);
                    continue;
                }

                // Smallest ρ with Σ min(b, ρ·u) = cost: walk supporters by budget/utility.
                supporters.Sort((a, b) => (budget[a] / u[a, p]).CompareTo(budget[b] / u[b, p]));
                var paid = Rational.Zero;
                var rest = supporters.Aggregate(Rational.Zero, (sum, v) => sum + u[v, p]);
                Rational price = default;
                foreach (var v in supporters)
                {
                    price = (cost - paid) / rest;
                    if (price * u[v, p] <= budget[v])
                    {
                        break;
                    }

                    paid += budget[v];
                    rest -= u[v, p];
                }

                if (best < 0 || price < bestPrice || (price == bestPrice && firstWinsTie(p, best)))
                {
                    best = p;
                    bestPrice = price;
                }
            }

            if (best < 0)
            {
                return selected;
            }

            for (var v = 0; v < n; v++)
            {
                if (u[v, best].Sign > 0)
                {
                    budget[v] -= Rational.Min(budget[v], bestPrice * u[v, best]);
                }
            }

            selected.Add(election.Projects[best].Id);
            open.Remove(best);
        }
    }
}
