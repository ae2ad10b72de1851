using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

internal sealed partial class EqualSharesInDoubles
{
    private sealed class Execution
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

        // Every budget double is within _delta of the exact budget, and the budgets' errors add up to at most
        // _errorSum. Both are needed: when many supporters pay all they have and few pay the price, the errors of the
        // many move onto the few, so the largest error can grow from round to round, but never beyond the total,
        // which a payment only passes on (the poor's errors vanish with their budgets) plus its own rounding.
        private double _delta;
        private double _errorSum;

        public Execution(EqualSharesInDoubles engine, Workspace workspace, Rational endowment, DoublesRun? earlier)
        {
            _e = engine;
            _w = workspace;
            _budget = workspace.Budget;
            _exactEndowment = endowment;
            _earlier = earlier;
            _endowment = endowment.ToDouble();
            if (earlier is not null)
            {
                _growth = ((endowment - earlier.Endowment) * engine._profile.VoterCount).ToDouble() * (1 + 1e-12);
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
            foreach (var c in _e._candidates)
            {
                lower[c] = _e._initialLowerBound[c];
                queue.Enqueue(c, lower[c]);
            }

            var selected = new List<int>(_e._free);
            var rounds = new List<int>();
            var ceilings = new List<double>();
            var allRich = new List<bool>();
            var proving = earlier is not null;
            while (true)
            {
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

                    if (verdict == Verdict.Unaffordable)
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
                    return new DoublesRun(selected, rounds, ceilings, allRich, proving, _exactEndowment, _evidence);
                }

                Pay(best, price);
                bought[best] = true;
                selected.Add(best);
                rounds.Add(best);
                ceilings.Add(price.High);
                allRich.Add(price.AllRich);
                _evidence.EndRound();
            }
        }

        /// <summary>
        /// A round of the proof: every competitor must be dearer than <paramref name="ceiling"/> (the most
        /// <paramref name="project"/> cost at the earlier endowment), and then <paramref name="project"/> is priced here.
        /// Returns <see cref="Verdict.Unaffordable"/> when some competitor is not clearly dearer (the proof fails, and
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
            var (evidencePrice, evidenceShortfall) = (_w.EvidencePrice, _w.EvidenceShortfall);
            var earlier = _earlier!.Evidence;
            var (from, to) = earlier.Round(round);
            for (var i = from; i < to; i++)
            {
                evidencePrice[earlier.Projects[i]] = earlier.Prices[i];
                evidenceShortfall[earlier.Projects[i]] = earlier.Shortfalls[i];
            }

            while (queue.TryPeek(out var c, out var bound) && bound <= ceiling)
            {
                queue.Dequeue();
                if (bought[c] || c == project)
                {
                    if (c == project)
                    {
                        deferred.Add(c); // stays a candidate until it is bought below
                    }

                    continue;
                }

                // Evidence from the earlier run, still short by more than all voters can have gained since: dearer.
                var shortfall = evidenceShortfall[c] - _growth;
                if (evidencePrice[c] >= ceiling && shortfall > 0)
                {
                    _evidence.Add(c, evidencePrice[c], shortfall);
                    Defer(c, evidencePrice[c]);
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

            for (var i = from; i < to; i++)
            {
                evidencePrice[earlier.Projects[i]] = double.NaN;
            }

            if (failed)
            {
                return Verdict.Unaffordable;
            }

            var verdict = Evaluate(project, lower[project], out price);
            return verdict == Verdict.Priced ? verdict : verdict == Verdict.Unclear ? Verdict.Unclear : Verdict.Unaffordable;
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
                if (bought[c])
                {
                    continue; // bought in a proof round, where it was not taken out of the queue
                }

                if (best < 0)
                {
                    var verdict = Evaluate(c, bound, out var price);
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

                var verdictC = Evaluate(c, bound, out var priceC);
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

        private enum Comparison
        {
            Unaffordable,
            Dearer,
            Undecided,
        }

        /// <summary>Bound on the error of a sum of <paramref name="count"/> budgets (before its own rounding).</summary>
        private double SumError(int count) => Math.Min(count * _delta, _errorSum);

        /// <summary>
        /// One pass over the supporters of <paramref name="c"/>: what they can pay at price <paramref name="high"/>
        /// (the most the best project can cost) and all their money. If even at that price they pay less than the
        /// cost, their own price is higher: the project loses this round, and <paramref name="lowerBound"/> is a lower
        /// bound of its price from now on.
        /// </summary>
        private Comparison Test(int c, double high, out double lowerBound)
        {
            lowerBound = high;
            var (from, count) = (_e._profile.SupporterOffsets[c], _e._profile.SupporterCounts[c]);
            var slack = (4 * Unit) + (2 * _e._utilityError);
            var (money, paying, richUtility) = SupporterPasses.AtPrice(_e._profile.SupportersOf(c),
                _e._utility.AsSpan(from, count), _budget, high, slack, _delta + (4 * Unit * (_endowment + _delta)));
            richUtility *= 1 + _e._utilityError + ((count + 2) * Unit);
            var cost = _e._cost[c];
            var costError = _e._costError[c];
            var sumError = SumError(count) + ((count + 2) * Unit * money);
            if (Below(money, sumError, cost - costError))
            {
                return Comparison.Unaffordable;
            }

            var payingError = SumError(count) + (high * _e._totalUtility[c] * (_e._utilityError + Unit) * 1.01)
                + ((count + 2) * Unit * paying);
            if (!Below(paying, payingError, cost - costError))
            {
                return Comparison.Undecided;
            }

            // What the supporters pay grows with the price at most as fast as the utility of those who do not yet pay
            // all they have (counted generously: budgets within every error of the payment count too), so the price
            // is at least this far above the trial price.
            var shortfall = cost - costError - (paying + (payingError * 1.01) + (2 * Unit * paying));
            if (shortfall > 0)
            {
                _evidence.Add(c, high, shortfall);
                if (richUtility > 0)
                {
                    lowerBound = Math.Max(high, (high + (shortfall / richUtility)) * (1 - (4 * Unit)));
                }
            }

            return Comparison.Dearer;
        }

        /// <summary>x is certainly below y: x plus its error bound, and the rounding of that very sum, stays under y.</summary>
        private static bool Below(double x, double error, double y) => x + (error * 1.01) + (2 * Unit * Math.Abs(x)) < y;

        /// <summary>
        /// Water-filling in doubles from a lower bound of the price, then a proof that the split it found (who pays all
        /// they have) is the exact split: every supporter's budget is on its side of the price by more than all the
        /// errors involved. The exact price is then that split's price, which lies within the bounds computed for it.
        /// </summary>
        private Verdict Evaluate(int c, double start, out Price price)
        {
            price = default;
            var (from, to) = (_e._profile.SupporterOffsets[c], _e._profile.SupporterOffsets[c + 1]);
            var count = to - from;
            var cost = _e._cost[c];
            var costError = _e._costError[c];
            var total = _e._totalUtility[c];
            var split = start;
            var lastPoor = -1;
            for (var iteration = 0; iteration < 64; iteration++)
            {
                var pass = Split(from, to, split);
                if (iteration == 0)
                {
                    var sumError = SumError(count) + ((count + 2) * Unit * pass.Money);
                    if (Below(pass.Money, sumError, cost - costError))
                    {
                        return Verdict.Unaffordable;
                    }

                    if (!Below(cost + costError, sumError, pass.Money))
                    {
                        return Verdict.Unclear; // the money is about the cost: only exact sums can tell
                    }
                }

                var rich = total - pass.PoorUtility;
                var left = cost - pass.PoorMoney;
                if (pass.Poor == count || rich <= 0 || left <= 0)
                {
                    return Verdict.Unclear;
                }

                // With one utility per project the pass itself knows the budgets nearest to the price on either side,
                // which often confirms the split without another pass.
                if (_e._uniform && Bounds(c, from, to, split, pass, out price) && Separated(pass, from, price))
                {
                    return Verdict.Priced;
                }

                if (pass.Poor == lastPoor)
                {
                    return Bounds(c, from, to, split, pass, out price) && Confirm(from, to, price)
                        ? Verdict.Priced
                        : Verdict.Unclear;
                }

                lastPoor = pass.Poor;
                // The split only grows as the trial price rises, and the price of a split that is still too small is
                // below the exact price, so this converges upwards; equal counts mean an unchanged split.
                split = Math.Max(split, left / rich);
            }

            return Verdict.Unclear;
        }

        private SplitSums Split(int from, int to, double split) =>
            SupporterPasses.Split(_e._profile.Supporters.AsSpan(from, to - from), _e._utility.AsSpan(from, to - from),
                _budget, split);

        /// <summary>The one-utility shortcut of <see cref="Confirm"/>: the richest of those paying all they have is below
        /// the price, and the poorest of the others above it, by more than every error (margins at their largest).</summary>
        private bool Separated(SplitSums pass, int from, Price price)
        {
            var u = _e._utility[from];
            var margin = _delta + (4 * Unit * (_endowment + _delta + (price.High * u))) + (2 * _e._utilityError * price.High * u);
            return (pass.Poor == 0 || pass.RichestPoor + margin < price.Low * u)
                && (pass.PoorestRich == double.PositiveInfinity || pass.PoorestRich - margin > price.High * u);
        }

        /// <summary>The price of the split found at <paramref name="split"/>, with bounds of its exact value.</summary>
        private bool Bounds(int c, int from, int to, double split, SplitSums pass, out Price price)
        {
            price = default;
            var count = to - from;
            var (poor, poorMoney, poorUtility) = (pass.Poor, pass.PoorMoney, pass.PoorUtility);
            var left = _e._cost[c] - poorMoney;
            var fromBudgets = SumError(poor);
            var leftRounding = _e._costError[c] + ((poor + 2) * Unit * poorMoney) + (Unit * Math.Abs(left));
            var rich = _e._totalUtility[c] - poorUtility;
            // With one weight kind and exact utilities, rich utility is (count − poor) × unit: an exact integer product.
            var richError = _e._uniform && _e._utilityError == 0 && rich < 1e15
                ? 0
                : ((_e._utilityError + ((count + 2) * Unit)) * (_e._totalUtility[c] + poorUtility)) + _e._totalUtilityError[c];
            if (_e._uniform && richError == 0)
            {
                rich = (count - poor) * _e._utility[from];
            }

            if (left <= 0 || rich <= 0 || fromBudgets + leftRounding > 1e-6 * left || richError > 1e-6 * rich)
            {
                return false;
            }

            var value = left / rich;
            var richFactor = 1.01 * (1 + (richError / rich));
            var budgetPart = fromBudgets / rich * richFactor;
            var roundingPart = value * 1.01 * ((leftRounding / left) + (richError / rich) + Unit);
            var error = budgetPart + roundingPart + (Unit * value);
            price = new Price(split, value, value - error, value + error, poor == 0, budgetPart, rich, count - poor);
            return true;
        }

        /// <summary>Every supporter on its side of the price, checked one by one.</summary>
        private bool Confirm(int from, int to, Price price)
        {
            var (split, low, high) = (price.Split, price.Low, price.High);
            // Every supporter on its side of the price: below it by more than every error for those who pay all they
            // have, above it by more for the others.
            var supporters = _e._profile.Supporters;
            var budget = _budget;
            var utility = _e._utility;
            var delta = _delta;
            var utilityError = _e._utilityError;
            for (var k = from; k < to; k++)
            {
                var b = budget[supporters[k]];
                var u = utility[k];
                var trial = split * u;
                var margin = delta + (4 * Unit * (b + (high * u))) + (2 * utilityError * high * u);
                if (b < trial ? !(b + margin < low * u) : !(b - margin > high * u))
                {
                    return false;
                }
            }

            return true;
        }

        private void Pay(int c, Price price)
        {
            var (from, count) = (_e._profile.SupporterOffsets[c], _e._profile.SupporterCounts[c]);
            // The split was confirmed: those below the trial price pay all they have, exactly, the others the price.
            SupporterPasses.Pay(_e._profile.SupportersOf(c), _e._utility.AsSpan(from, count), _budget, price.Split,
                price.Value);

            // A payer's error grows by its utility times the price's error, plus the rounding of the payment and the
            // subtraction; the sum of errors by the price's rounding part only, times the payers' utility (its budget
            // part is the poor's errors, which leave with the poor's budgets), plus the same roundings.
            var max = _e._maxUtility[c];
            var pricing = (price.High - price.Low) / 2;
            var rounding = (Unit * price.High * (1 + _e._utilityError)) + (_e._utilityError * price.High);
            _delta += (1.01 * max * (pricing + rounding)) + (2 * Unit * (_endowment + _delta));
            _errorSum += (1.01 * price.Rich * (pricing - price.FromBudgets + rounding))
                + (price.Payers * 2 * Unit * (_endowment + _delta));
        }
    }
}
