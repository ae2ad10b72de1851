using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

internal sealed partial class EqualSharesInDoubles
{
    /// <summary>One run: the rounds, and proofs that follow an earlier run (pricing is in the other part).</summary>
    private sealed partial class Execution
    {
        private readonly EqualSharesInDoubles _e;
        private readonly Workspace _w;
        private readonly double[] _budget;
        private readonly double _endowment;
        private readonly Rational _exactEndowment;
        private readonly DoublesRun? _earlier;

        // What all voters together have more than in the earlier run, in any round both reach with the same purchases,
        // rounded up (see DearerEvidence); and what this run proves for the next one.
        private readonly double _growth;
        private readonly DearerEvidence _evidence = new();

        // What any one voter has more than in the earlier run, in the current round while purchases are the same:
        // the difference of endowments, plus, for every round so far, the most a payer's payment fell (utility ×
        // the fall of the price). A voter who pays all they have here did so there too, and is left with 0 in both.
        private double _voterGrowth;

        // Every budget double is within _delta of the exact budget, and the budgets' errors add up to at most
        // _errorSum. Both are needed: when many supporters pay all they have and few pay the price, the errors of the
        // many move onto the few, so the largest error can grow from round to round, but never beyond the total,
        // which a payment only passes on (the poor's errors vanish with their budgets) plus its own rounding.
        private double _delta;
        private double _errorSum;

        // This run has bought what the earlier one bought, in the same order, up to the current round (_round).
        private bool _same;
        private int _round;

        public Execution(EqualSharesInDoubles engine, Workspace workspace, Rational endowment, DoublesRun? earlier)
        {
            _e = engine;
            _w = workspace;
            _budget = workspace.Budget;
            _exactEndowment = endowment;
            _earlier = earlier;
            _endowment = endowment.ToDouble();
            _same = earlier is not null;
            if (earlier is not null)
            {
                var difference = endowment - earlier.Endowment;
                _growth = (difference * engine._profile.VoterCount).ToDouble() * (1 + 1e-12);
                _voterGrowth = difference.ToDouble() * (1 + 1e-12);
            }

            Array.Fill(_budget, _endowment);
            _delta = 2 * Unit * _endowment; // the endowment's own rounding to a double
            _errorSum = _delta * _budget.Length;
        }

        public DoublesRun? Run()
        {
            var earlier = _earlier;
            var queue = _w.Queue;
            var lower = _w.LowerBound;
            var bought = _w.Bought;
            queue.Clear();
            Array.Clear(bought);
            Array.Clear(_w.Dropped);
            foreach (var c in _e._candidates)
            {
                lower[c] = _e._initialLowerBound[c];
                queue.Enqueue(c, lower[c]);
            }

            var selected = new List<int>(_e._free);
            var rounds = new List<int>();
            var ceilings = new List<double>();
            var allRich = new List<bool>();
            var floors = new List<(double Low, double PayerUtility)>();
            var proving = earlier is not null;
            var nextDrop = 0;
            while (true)
            {
                _round = rounds.Count;
                if (_same)
                {
                    // The earlier run's evidence needs only the same purchases so far, not a proof: a round chosen
                    // as in an ordinary run that buys what the earlier one bought keeps it valid for the next round.
                    nextDrop = DropAsBefore(nextDrop, rounds.Count);
                    RaiseFromEvidence(rounds.Count);
                }

                int best;
                Price price;
                if (proving && rounds.Count < earlier!.Rounds.Count)
                {
                    best = earlier.Rounds[rounds.Count];
                    var verdict = Follow(rounds.Count, best, earlier.PriceCeilings[rounds.Count], earlier.AllRich[rounds.Count],
                        out price);
                    if (verdict == Verdict.Unclear)
                    {
                        return null;
                    }

                    if (verdict == Verdict.NotProven)
                    {
                        proving = false; // a competitor came close: from here on, an ordinary run
                        best = Choose(out price, out var unclear);
                        if (unclear)
                        {
                            return null;
                        }
                    }
                }
                else
                {
                    best = Choose(out price, out var unclear);
                    if (unclear)
                    {
                        return null;
                    }

                    // The earlier run bought nothing more; this one does, so some endowment in between differs.
                    proving &= best < 0;
                }

                if (best < 0)
                {
                    return new DoublesRun(selected, rounds, ceilings, allRich, proving, _exactEndowment, _evidence)
                    {
                        PriceFloors = floors,
                    };
                }

                _same = _same && rounds.Count < earlier!.Rounds.Count && earlier.Rounds[rounds.Count] == best;
                Pay(best, price);
                if (_same)
                {
                    var fall = Math.Max(0, earlier!.PriceCeilings[rounds.Count] - price.Low);
                    _voterGrowth += _e._maxUtility[best] * fall * (1 + 1e-9);
                }

                bought[best] = true;
                selected.Add(best);
                rounds.Add(best);
                ceilings.Add(price.High);
                allRich.Add(price.AllRich);
                // Bounds learns the payers' utility within a relative 1e-6 (it refuses otherwise).
                floors.Add((price.Low, price.Rich * (1 - 2e-6)));
                _evidence.EndRound();
            }
        }

        /// <summary>
        /// A round of the proof: every competitor must be dearer than <paramref name="ceiling"/> (the most
        /// <paramref name="project"/> cost at the earlier endowment), and then <paramref name="project"/> is priced here.
        /// Returns <see cref="Verdict.NotProven"/> when some competitor is not clearly dearer (the proof fails, and
        /// nothing has changed yet: the caller chooses this round as an ordinary run would).
        /// <para>
        /// A competitor exactly as cheap is no exception: two projects nobody runs short for cost exactly their cost
        /// over their total utility, at every larger endowment too, so when <paramref name="project"/> was such a
        /// project (<paramref name="exact"/>), a competitor that is one as well is compared exactly, tie-break
        /// included; at smaller endowments it can only be dearer.
        /// </para>
        /// </summary>
        private Verdict Follow(int round, int project, double ceiling, bool exact, out Price price)
        {
            price = default;
            var queue = _w.Queue;
            var lower = _w.LowerBound;
            var bought = _w.Bought;
            var deferred = _w.Deferred;
            deferred.Clear();
            var failed = false;

            while (queue.TryPeek(out var c, out var bound) && bound <= ceiling)
            {
                queue.Dequeue();
                if (_w.Dropped[c])
                {
                    continue; // unaffordable, as the earlier run showed: it leaves the queue
                }

                if (lower[c] > bound && !bought[c])
                {
                    queue.Enqueue(c, lower[c]); // its lower bound rose while it waited
                    continue;
                }

                if (bought[c] || c == project)
                {
                    if (c == project)
                    {
                        deferred.Add(c); // stays a candidate until it is bought below
                    }

                    continue;
                }

                var test = Test(c, ceiling, out var dearerThan);
                if (test == Comparison.Unaffordable)
                {
                    continue;
                }

                if (test == Comparison.Undecided && exact)
                {
                    var competitor = Evaluate(c, bound, out var priceC);
                    if (competitor == Verdict.Unaffordable)
                    {
                        continue;
                    }

                    if (competitor == Verdict.Priced && (priceC.Low > ceiling || (priceC.AllRich && Beats(project, c))))
                    {
                        Defer(c, priceC.Low);
                        continue;
                    }
                }

                if (test == Comparison.Undecided)
                {
                    deferred.Add(c);
                    failed = true;
                    break;
                }

                Defer(c, dearerThan);
            }

            foreach (var d in deferred)
            {
                queue.Enqueue(d, lower[d]);
            }

            if (failed)
            {
                return Verdict.NotProven;
            }

            if (exact)
            {
                // Nobody ran short for it at the smaller endowment, so nobody does here (everybody has at least as
                // much): its price is still exactly its cost over its total utility, and no pass has to find it.
                var value = _e._allRichPriceApprox[project];
                price = new Price(Split: 0, value, value * (1 - (4 * Unit)), value * (1 + (4 * Unit)), AllRich: true,
                    FromBudgets: 0, _e._totalUtility[project], _e._profile.SupporterCounts[project]);
                return Verdict.Priced;
            }

            var verdict = Evaluate(project, Math.Max(lower[project], Floor(round, project)), out price);
            // Unaffordable cannot happen (everybody has at least what they had before), but is no proof either.
            return verdict == Verdict.Unaffordable ? Verdict.NotProven : verdict;
        }

        /// <summary>An ordinary round: the cheapest affordable project (first in the tie-break among equals), or -1 when
        /// none is affordable. <paramref name="unclear"/> when doubles could not decide.</summary>
        private int Choose(out Price bestPrice, out bool unclear)
        {
            var queue = _w.Queue;
            var lower = _w.LowerBound;
            var bought = _w.Bought;
            var deferred = _w.Deferred;
            deferred.Clear();
            unclear = false;
            var best = -1;
            bestPrice = default;
            while (queue.TryPeek(out var c, out var bound))
            {
                if (best >= 0 && bound > bestPrice.High)
                {
                    break; // ordered by lower bound: nobody further down can match the best
                }

                queue.Dequeue();
                if (bought[c] || _w.Dropped[c])
                {
                    continue; // bought in a proof round, where it was not taken out of the queue, or shown unaffordable
                }

                if (best < 0)
                {
                    var verdict = Evaluate(c, Start(c, bound), out var price);
                    if (verdict == Verdict.Unclear)
                    {
                        unclear = true;
                        return -1;
                    }

                    if (verdict == Verdict.Priced)
                    {
                        (best, bestPrice) = (c, price);
                    }

                    continue; // an unaffordable project never becomes affordable again: it leaves the queue
                }

                var test = Test(c, bestPrice.High, out var dearerThan);
                if (test == Comparison.Unaffordable)
                {
                    continue;
                }

                if (test == Comparison.Dearer)
                {
                    Defer(c, dearerThan);
                    continue;
                }

                var verdictC = Evaluate(c, Start(c, bound), out var priceC);
                if (verdictC == Verdict.Unclear)
                {
                    unclear = true;
                    return -1;
                }

                if (verdictC == Verdict.Unaffordable)
                {
                    continue;
                }

                var beats = Beats(c, priceC, best, bestPrice);
                if (beats is null)
                {
                    unclear = true;
                    return -1;
                }

                if (beats.Value)
                {
                    Defer(best, bestPrice.Low);
                    (best, bestPrice) = (c, priceC);
                }
                else
                {
                    Defer(c, priceC.Low);
                }
            }

            foreach (var d in deferred)
            {
                queue.Enqueue(d, lower[d]);
            }

            return best;
        }

        private void Defer(int project, double lowerBound)
        {
            _w.LowerBound[project] = lowerBound;
            _w.Deferred.Add(project);
        }

        /// <summary>Does <paramref name="a"/> win against <paramref name="b"/>: cheaper, or exactly as cheap and first in the
        /// tie-break. Null when the bounds overlap and the exact prices are not known.</summary>
        private bool? Beats(int a, Price pa, int b, Price pb)
        {
            if (pa.High < pb.Low)
            {
                return true;
            }

            if (pa.Low > pb.High)
            {
                return false;
            }

            return pa.AllRich && pb.AllRich ? Beats(a, b) : null;
        }

        /// <summary>Does <paramref name="a"/> win against <paramref name="b"/> when nobody runs short for either.</summary>
        private bool Beats(int a, int b)
        {
            var cmp = _e._allRichPrice[a].CompareTo(_e._allRichPrice[b]);
            return cmp < 0 || (cmp == 0 && _e._tieRank[a] < _e._tieRank[b]);
        }
    }
}
