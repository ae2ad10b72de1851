namespace Buurtbudget.Domain.Rules;

internal sealed partial class EqualSharesInDoubles
{
    /// <summary>
    /// Pricing within a run: passes over a project's supporters, and the error bounds that make their answers certain
    /// (or say that they are not).
    /// </summary>
    private sealed partial class Execution
    {
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
                Dropped(c, cost, costError, money, sumError);
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

        /// <summary>Records for the next run how far all of <paramref name="c"/>'s supporters' money (a double sum with
        /// error bound <paramref name="sumError"/>) is short of its cost, less every rounding of this very bound.</summary>
        private void Dropped(int c, double cost, double costError, double money, double sumError)
        {
            var shortfall = cost - costError - (money + (sumError * 1.01)) - (4 * Unit * (cost + Math.Abs(money)));
            if (shortfall > 0)
            {
                _evidence.Drops.Add((c, _evidence.Rounds, shortfall));
            }
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
                        Dropped(c, cost, costError, pass.Money, sumError);
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
                    return Bounds(c, from, to, split, pass, out price) && ConfirmSplit(from, to, price)
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

        /// <summary>The one-utility shortcut of <see cref="ConfirmSplit"/>: the richest of those paying all they have is below
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
        private bool ConfirmSplit(int from, int to, Price price)
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
