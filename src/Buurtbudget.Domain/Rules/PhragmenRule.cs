using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Sequential Phragmén for approval ballots: every voter earns money at the same rate; a project is bought as soon
/// as its supporters together have earned its cost, and their accounts are emptied. The rule stops at the first
/// project it would buy that no longer fits the budget (it does not skip it), as in the reference implementation.
/// </summary>
internal static class PhragmenRule
{
    public static List<(int Project, Rational Load, Rational LeftBefore)> Run(SupportProfile profile, int[] tieRank,
        out int stoppedAt)
    {
        var m = profile.ProjectCount;
        var n = profile.VoterCount;
        // A voter's load is the time of the last purchase they took part in; it is one of a few values,
        // so per project we count supporters by "last purchase" instead of summing n fractions each round.
        var lastRound = new int[n];
        var loads = new List<Rational> { Rational.Zero };
        var perRound = new List<int[]> { new int[m] };
        for (var p = 0; p < m; p++)
        {
            perRound[0][p] = profile.SupporterCounts[p];
        }

        var open = Enumerable.Range(0, m).Where(p => profile.Costs[p] <= profile.Budget).ToList();
        var spent = Rational.Zero;
        var result = new List<(int, Rational, Rational)>();
        stoppedAt = -1;
        while (open.Count > 0)
        {
            Rational? bestLoad = null;
            var tied = new List<int>();
            foreach (var p in open)
            {
                Rational? load = null;
                if (profile.SupporterCounts[p] > 0)
                {
                    var sum = profile.Costs[p];
                    for (var r = 1; r < loads.Count; r++)
                    {
                        var count = perRound[r][p];
                        if (count != 0)
                        {
                            sum += count * loads[r];
                        }
                    }

                    load = sum / profile.SupporterCounts[p];
                }

                // Unsupported projects have infinite load: only chosen when nothing else is left.
                var cmp = Compare(load, bestLoad, tied.Count == 0);
                if (cmp < 0)
                {
                    bestLoad = load;
                    tied.Clear();
                    tied.Add(p);
                }
                else if (cmp == 0)
                {
                    tied.Add(p);
                }
            }

            // The reference stops when any of the tied projects would overspend.
            var overspends = tied.FirstOrDefault(p => spent + profile.Costs[p] > profile.Budget, -1);
            if (overspends >= 0)
            {
                stoppedAt = overspends;
                break;
            }

            var chosen = tied.MinBy(p => tieRank[p]);
            var round = loads.Count;
            var newLoad = bestLoad ?? Rational.Zero;
            if (bestLoad is not null)
            {
                loads.Add(newLoad);
                perRound.Add(new int[m]);
                foreach (var v in profile.SupportersOf(chosen))
                {
                    var previous = lastRound[v];
                    foreach (var q in profile.Election.BallotOf(v))
                    {
                        perRound[previous][q]--;
                        perRound[round][q]++;
                    }

                    lastRound[v] = round;
                }
            }

            result.Add((chosen, newLoad, profile.Budget - spent));
            spent += profile.Costs[chosen];
            open.Remove(chosen);
        }

        return result;
    }

    private static int Compare(Rational? load, Rational? best, bool first)
    {
        if (first)
        {
            return -1;
        }

        if (load is null)
        {
            return best is null ? 0 : 1;
        }

        return best is null ? -1 : load.Value.CompareTo(best.Value);
    }
}
