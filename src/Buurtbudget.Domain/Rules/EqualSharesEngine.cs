using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// The Method of Equal Shares with exact arithmetic.
/// <para>
/// Speed comes from three observations, none of which changes a decision: voters with the same history have
/// the same budget, so per-voter work is integer counting over <see cref="BudgetClasses"/>; a project's price per
/// unit of utility only rises from round to round, so its last price is a lower bound and most projects need no
/// re-evaluation (as in the reference implementation); and doubles are used only to guess, after which every
/// deciding comparison that is not clear by a wide margin is repeated with exact fractions.
/// </para>
/// <para>
/// Completion by add1 makes thousands of runs that only decide; it uses <see cref="InDoubles"/>, the same rule in
/// doubles with proven error bounds, and this engine only where doubles cannot decide and for the run it explains.
/// </para>
/// </summary>
internal sealed class EqualSharesEngine
{

    private readonly SupportProfile _profile;
    private readonly int[] _tieRank;
    private readonly Rational[] _unit;
    private readonly double[] _unitApprox;

    // A supporter's utility per project and weight kind (weight × unit), exact and approximate: grouping supporters
    // needs it once per group, thousands of times per run, and a fraction product each time would dominate the run.
    private readonly Rational[][] _utility;
    private readonly double[][] _utilityApprox;
    private readonly Rational[] _initialPrice;
    private readonly double[] _initialPriceApprox;
    private readonly double[] _costApprox;
    private readonly List<int> _candidates = [];
    private readonly List<int> _free = [];

    public EqualSharesEngine(SupportProfile profile, Utility utility, int[] tieRank)
    {
        _profile = profile;
        _tieRank = tieRank;
        var m = profile.ProjectCount;
        _unit = new Rational[m];
        _unitApprox = new double[m];
        _utility = new Rational[m][];
        _utilityApprox = new double[m][];
        _initialPrice = new Rational[m];
        _initialPriceApprox = new double[m];
        _costApprox = new double[m];
        var kinds = profile.WeightValues.Length;
        for (var p = 0; p < m; p++)
        {
            _unit[p] = utility == Utility.Cost ? profile.Costs[p] : Rational.One;
            _unitApprox[p] = _unit[p].ToDouble();
            _costApprox[p] = profile.Costs[p].ToDouble();
            _utility[p] = [.. profile.WeightValues.Select(w => w * _unit[p])];
            _utilityApprox[p] = [.. _utility[p].Select(u => u.ToDouble())];
            if (profile.SupporterCounts[p] == 0)
            {
                continue; // Equal Shares never funds a project nobody asked for.
            }

            if (profile.Costs[p].IsZero)
            {
                // Under cost utility a free project is worth nothing to anyone, so (as in the reference
                // implementation) Equal Shares leaves it to completion; under approval utility it is bought first.
                if (utility == Utility.Approval)
                {
                    _free.Add(p);
                }

                continue;
            }

            var perWeight = new long[kinds];
            foreach (var w in profile.WeightsOf(p))
            {
                perWeight[w]++;
            }

            var totalUtility = Rational.Zero;
            for (var w = 0; w < kinds; w++)
            {
                if (perWeight[w] != 0)
                {
                    totalUtility += perWeight[w] * profile.WeightValues[w] * _unit[p];
                }
            }

            _initialPrice[p] = profile.Costs[p] / totalUtility;
            _initialPriceApprox[p] = _initialPrice[p].ToDouble();
            _candidates.Add(p);
        }

        _inDoubles = new Lazy<EqualSharesInDoubles>(() => new EqualSharesInDoubles(profile, utility, tieRank, _candidates, _free));
    }

    private readonly Lazy<EqualSharesInDoubles> _inDoubles;

    /// <summary>The same rule in doubles with proven error bounds, for runs that only decide (built on first use).</summary>
    public EqualSharesInDoubles InDoubles => _inDoubles.Value;

    /// <summary>Projects Equal Shares can buy with money: supported and not free.</summary>
    public IReadOnlyList<int> Candidates => _candidates;

    public IReadOnlyList<int> FreeProjects => _free;

    /// <param name="record">Keep every class transition, for <see cref="EqualSharesAccount.ShareOf"/>.</param>
    /// <param name="explain">Compute how much money the supporters of every dropped project had left; runs that only
    /// decide (add1's) skip it, which lets a double sum with an error bound drop a project.</param>
    public EqualSharesRun Run(Rational endowment, bool record, bool explain = true)
    {
        var workspace = Rent(endowment);
        try
        {
            return new Execution(this, workspace, endowment, record, explain).Run();
        }
        finally
        {
            Return(workspace);
        }
    }

    // One spare workspace: add1 runs Equal Shares thousands of times in a row, and the engine is shared between
    // threads (it is cached per election), so a run takes the spare if there is one and gives it back after.
    private Workspace? _spare;

    private Workspace Rent(Rational endowment)
    {
        var workspace = Interlocked.Exchange(ref _spare, null);
        if (workspace is null)
        {
            return new Workspace(_profile, endowment);
        }

        workspace.Reset(endowment);
        return workspace;
    }

    private void Return(Workspace workspace) => Volatile.Write(ref _spare, workspace);

    /// <summary>The arrays of one run, reused by the next: all sized by voters or classes.</summary>
    private sealed class Workspace
    {
        public Workspace(SupportProfile profile, Rational endowment)
        {
            Classes = new BudgetClasses(endowment, profile.WeightValues);
            Sum = new BudgetClasses.Sum(Classes);
            ClassOf = new int[profile.VoterCount];
        }

        public BudgetClasses Classes { get; }

        public BudgetClasses.Sum Sum { get; }

        /// <summary>Every voter's budget class; all <see cref="BudgetClasses.Root"/> (0) at the start.</summary>
        public int[] ClassOf { get; }

        /// <summary>Scratch counts per (class, weight); all zero between uses.</summary>
        public int[] Count { get; set; } = [];

        public Evaluation Current { get; } = new();

        public Evaluation Best { get; } = new();

        public void Reset(Rational endowment)
        {
            Classes.Reset(endowment);
            Sum.Clear();
            Array.Clear(ClassOf);
        }
    }

    /// <summary>The state of one run; kept apart so the engine's precomputation is reused across add1 steps.</summary>
    private sealed class Execution
    {
        // Relative margin beyond which a double comparison is trusted; their error is ~1e-14 of the scale.
        private const double Margin = 1e-7;

        private readonly EqualSharesEngine _engine;
        private readonly SupportProfile _profile;
        private readonly bool _record;
        private readonly bool _explain;
        private readonly int _kinds;
        private readonly Workspace _workspace;
        private readonly BudgetClasses _classes;
        private readonly BudgetClasses.Sum _sum;
        private readonly int[] _classOf;
        private int[] _touched = new int[64];
        private readonly long[] _richByWeight;
        private readonly Rational _endowment;

        // Last known price of every candidate: a lower bound for later rounds, as budgets only shrink.
        private readonly double[] _priceApprox;

        // Last known money of every candidate's supporters (approximately): an upper bound for later rounds.
        private readonly double[] _moneyApprox;

        // Positive while grouped evaluations have lately been drops more often than not (the last rounds of a run).
        private int _dropsLately;

        public Execution(EqualSharesEngine engine, Workspace workspace, Rational endowment, bool record, bool explain)
        {
            _engine = engine;
            _explain = explain;
            _workspace = workspace;
            _profile = engine._profile;
            _record = record;
            _endowment = endowment;
            _kinds = _profile.WeightValues.Length;
            _classes = workspace.Classes;
            _sum = workspace.Sum;
            _classOf = workspace.ClassOf;
            _richByWeight = new long[_kinds];
            _priceApprox = (double[])engine._initialPriceApprox.Clone();
            _moneyApprox = new double[_priceApprox.Length];
            Array.Fill(_moneyApprox, double.PositiveInfinity);
        }

        public EqualSharesRun Run()
        {
            var selected = new List<int>(_engine._free);
            var totalCost = Rational.Zero;
            var rounds = new List<EqualSharesRound>();
            var dropped = new Dictionary<int, EqualSharesDrop>();
            var order = new List<int>(_engine._candidates);
            order.Sort(CompareByLastPrice);

            var current = _workspace.Current;
            var best = _workspace.Best;
            for (var round = 1; ; round++)
            {
                var bestProject = -1;
                for (var i = 0; i < order.Count;)
                {
                    var c = order[i];
                    if (bestProject >= 0 && _priceApprox[c] > best.PriceApprox * (1 + Margin))
                    {
                        break; // sorted by lower bound: nobody further down can match the best
                    }

                    if (!Evaluate(c, current))
                    {
                        dropped[c] = new EqualSharesDrop(round, current.MoneyLeft);
                        order.RemoveAt(i);
                        continue;
                    }

                    if (bestProject < 0 || Beats(c, current, bestProject, best))
                    {
                        bestProject = c;
                        (best, current) = (current, best);
                    }

                    i++;
                }

                if (bestProject < 0)
                {
                    break;
                }

                rounds.Add(Pay(round, bestProject, best));
                selected.Add(bestProject);
                totalCost += _profile.Costs[bestProject];
                order.Remove(bestProject);
                order.Sort(CompareByLastPrice);
            }

            return new EqualSharesRun
            {
                Endowment = _endowment,
                Selected = selected,
                Rounds = rounds,
                Dropped = dropped,
                TotalCost = totalCost,
                Explained = _explain,
                ClassCount = _classes.Count,
            };
        }

        private int CompareByLastPrice(int a, int b)
        {
            var byPrice = _priceApprox[a].CompareTo(_priceApprox[b]);
            return byPrice != 0 ? byPrice : _engine._tieRank[a].CompareTo(_engine._tieRank[b]);
        }

        /// <summary>Does project <paramref name="a"/> evaluated in <paramref name="evA"/> win against
        /// <paramref name="b"/> in <paramref name="evB"/>: cheaper, or as cheap and first in the tie-break.</summary>
        private bool Beats(int a, Evaluation evA, int b, Evaluation evB) =>
            ClearlyCheaper(evA.PriceApprox, evB.PriceApprox) ?? BeatsExactly(a, ExactPrice(evA), b, ExactPrice(evB));

        /// <summary>True or false when the doubles differ by far more than their error; null when exact prices must decide.</summary>
        private static bool? ClearlyCheaper(double approxA, double approxB) =>
            approxA < approxB * (1 - Margin) ? true : approxA > approxB * (1 + Margin) ? false : null;

        private bool BeatsExactly(int a, Rational priceA, int b, Rational priceB)
        {
            var cmp = priceA.CompareTo(priceB);
            return cmp < 0 || (cmp == 0 && _engine._tieRank[a] < _engine._tieRank[b]);
        }

        /// <summary>Groups the supporters of <paramref name="c"/> by (budget class, weight) into <paramref name="ev"/>.</summary>
        private void Group(int c, Evaluation ev)
        {
            var needed = _classes.Count * _kinds;
            if (_workspace.Count.Length < needed)
            {
                _workspace.Count = new int[Math.Max(needed, _workspace.Count.Length * 2)];
            }

            var supporters = _profile.SupportersOf(c);
            var count = _workspace.Count;
            var classOf = _classOf;
            var kinds = _kinds;
            if (_touched.Length < supporters.Length)
            {
                _touched = new int[Math.Max(supporters.Length, _touched.Length * 2)];
            }

            var touched = _touched;
            var groups = 0;
            if (kinds == 1)
            {
                // Approval ballots (and ballots whose points are all equal): the key is the class itself. This loop
                // is the innermost of the whole engine, so it is worth a copy without the weight lookup.
                foreach (var v in supporters)
                {
                    var key = classOf[v];
                    if (count[key]++ == 0)
                    {
                        touched[groups++] = key;
                    }
                }
            }
            else
            {
                var weights = _profile.WeightsOf(c);
                for (var k = 0; k < supporters.Length; k++)
                {
                    var key = (classOf[supporters[k]] * kinds) + weights[k];
                    if (count[key]++ == 0)
                    {
                        touched[groups++] = key;
                    }
                }
            }

            ev.Reset(c, _engine._utility[c]);
            var utilityApprox = _engine._utilityApprox[c];
            for (var i = 0; i < groups; i++)
            {
                var key = touched[i];
                var w = key % kinds;
                var cls = key / kinds;
                ev.Add(key, cls, w, count[key], utilityApprox[w], _classes.AlphaApprox(cls));
                count[key] = 0;
            }
        }

        private Rational RichUtility(int c)
        {
            var total = Rational.Zero;
            for (var w = 0; w < _kinds; w++)
            {
                if (_richByWeight[w] != 0)
                {
                    total += _richByWeight[w] * _profile.WeightValues[w];
                }
            }

            return total * _engine._unit[c];
        }

        private double Tolerance(double threshold) => (Margin * _classes.Scale) + (1e-12 * Math.Abs(threshold));

        /// <summary>
        /// Finds the smallest price ρ per unit of utility at which the supporters of <paramref name="c"/> can pay
        /// its cost, each paying min(budget, ρ·utility). Returns false when even all their money is not enough.
        /// </summary>
        private bool Evaluate(int c, Evaluation ev)
        {
            // A project whose supporters were last seen with little more money than it costs, or any project once
            // grouped evaluations mostly end in drops (the last rounds), is checked with one plain pass first:
            // cheaper than grouping its supporters, and most such projects are out.
            if (!_explain && (_moneyApprox[c] < 1.5 * _engine._costApprox[c] || _dropsLately > 0) && ClearlyUnaffordable(c))
            {
                ev.MoneyLeft = null;
                return false;
            }

            Group(c, ev);
            if (!_explain && ClearlyUnaffordable(c, ev))
            {
                _dropsLately = Math.Min(_dropsLately + 1, 4);
                ev.MoneyLeft = null;
                return false;
            }

            _dropsLately = Math.Max(_dropsLately - 1, -4);

            var cost = _profile.Costs[c];
            var guess = GuessWithDoubles(c, ev);
            if (!guess && ConfirmUnaffordable(ev, cost))
            {
                return false;
            }

            if (guess && ConfirmSplit(c, ev))
            {
                // The split is certain; its exact price is only computed if a close comparison or the payment needs it.
                ev.ExactKnown = false;
            }
            else if ((!guess || !ConfirmPrice(c, ev, cost)) && !EvaluateExactly(c, ev, cost))
            {
                return false;
            }
            else
            {
                ev.ExactKnown = true;
                ev.PriceApprox = ev.Price.ToDouble();
            }

            _priceApprox[c] = ev.PriceApprox;
            return true;
        }

        /// <summary>Water-filling in doubles: which supporters pay all they have. Returns false if they all do
        /// (the project looks unaffordable; exact arithmetic decides).</summary>
        private bool GuessWithDoubles(int c, Evaluation ev)
        {
            var richUtility = 0.0;
            for (var g = 0; g < ev.Count; g++)
            {
                richUtility += ev.Members[g] * ev.UtilityApprox[g];
            }

            var cost = _engine._initialPriceApprox[c] * richUtility;
            var poorMoney = 0.0;
            var price = cost / richUtility;
            var rich = ev.Count;
            while (true)
            {
                var changed = false;
                for (var g = 0; g < ev.Count; g++)
                {
                    if (!ev.Poor[g] && ev.BudgetApprox[g] < price * ev.UtilityApprox[g])
                    {
                        ev.Poor[g] = true;
                        changed = true;
                        rich--;
                        poorMoney += ev.Members[g] * ev.BudgetApprox[g];
                        richUtility -= ev.Members[g] * ev.UtilityApprox[g];
                    }
                }

                if (!changed)
                {
                    return true;
                }

                if (rich == 0 || richUtility <= 0)
                {
                    return false;
                }

                price = (cost - poorMoney) / richUtility;
            }
        }

        /// <summary>
        /// All supporters' money together in doubles, with a bound on its error: when even the bound leaves it short of
        /// the cost, the project is out without water-filling or exact sums. Most evaluations in the last rounds are
        /// such drops (on Budapest 2024, ~150 of ~200 per run).
        /// </summary>
        private bool ClearlyUnaffordable(int c, Evaluation ev)
        {
            double money = 0;
            long members = 0;
            for (var g = 0; g < ev.Count; g++)
            {
                money += ev.Members[g] * ev.BudgetApprox[g];
                members += ev.Members[g];
            }

            _moneyApprox[c] = money;
            var error = (members * BudgetError) + ((ev.Count + 2) * 2.3e-16 * money);
            return money + error < _engine._costApprox[c] * (1 - 1e-15);
        }

        /// <summary>The same check over the supporters one by one, without grouping them.</summary>
        private bool ClearlyUnaffordable(int c)
        {
            var supporters = _profile.SupportersOf(c);
            var classOf = _classOf;
            var classes = _classes;
            double money = 0;
            foreach (var v in supporters)
            {
                money += classes.AlphaApprox(classOf[v]);
            }

            _moneyApprox[c] = money;
            var error = (supporters.Length * BudgetError) + ((supporters.Length + 2) * 2.3e-16 * money);
            return money + error < _engine._costApprox[c] * (1 - 1e-15);
        }

        /// <summary>All supporters' money together, exactly: if it is short of the cost, the project is out.</summary>
        private bool ConfirmUnaffordable(Evaluation ev, Rational cost)
        {
            _sum.Clear();
            for (var g = 0; g < ev.Count; g++)
            {
                _sum.Add(ev.Class[g], ev.Members[g]);
            }

            var money = _sum.Alpha();
            if (money >= cost)
            {
                return false;
            }

            ev.MoneyLeft = money;
            return true;
        }

        /// <summary>
        /// Checks the guessed split with a double price and a bound on its error: when every supporter group's budget
        /// is clearly (beyond both that error and the budgets' own) on its side of the price, the split is the exact
        /// one, and so is the price it implies, which <see cref="ExactPrice"/> computes only if asked. Most
        /// evaluations lose to a cheaper project and never need it. Returns false (the caller then works exactly)
        /// when anything is close or the price is the small difference of large sums.
        /// </summary>
        private bool ConfirmSplit(int c, Evaluation ev)
        {
            double poorMoney = 0, richUtility = 0;
            long poorMembers = 0;
            for (var g = 0; g < ev.Count; g++)
            {
                if (ev.Poor[g])
                {
                    poorMoney += ev.Members[g] * ev.BudgetApprox[g];
                    poorMembers += ev.Members[g];
                }
                else
                {
                    richUtility += ev.Members[g] * ev.UtilityApprox[g];
                }
            }

            var cost = _engine._costApprox[c];
            var left = cost - poorMoney;
            // Every budget double is within 1e-12·scale of its value (their error is ~1e-15 per round they paid in);
            // a sum of k terms adds at most k·2⁻⁵² of the sum of their sizes (the textbook bound for plain summation).
            var rounding = (ev.Count + 2) * 2.3e-16;
            var leftError = (poorMembers * BudgetError) + (rounding * (cost + poorMoney));
            if (richUtility <= 0 || left <= 0 || leftError > 1e-9 * left)
            {
                return false;
            }

            var price = left / richUtility;
            var relativeError = (leftError / left) + rounding + 1e-15;
            for (var g = 0; g < ev.Count; g++)
            {
                var threshold = price * ev.UtilityApprox[g];
                var tolerance = Tolerance(threshold) + (relativeError * threshold) + BudgetError;
                var budget = ev.BudgetApprox[g];
                if (ev.Poor[g] ? budget >= threshold - tolerance : budget <= threshold + tolerance)
                {
                    return false;
                }
            }

            ev.PriceApprox = price;
            return true;
        }

        private double BudgetError => 1e-12 * _classes.Scale;

        /// <summary>The exact price of an evaluation whose split <see cref="ConfirmSplit"/> established; the budget
        /// classes must not have changed since (it is asked for within the round).</summary>
        private Rational ExactPrice(Evaluation ev)
        {
            if (!ev.ExactKnown)
            {
                _sum.Clear();
                Array.Clear(_richByWeight);
                for (var g = 0; g < ev.Count; g++)
                {
                    if (ev.Poor[g])
                    {
                        _sum.Add(ev.Class[g], ev.Members[g]);
                    }
                    else
                    {
                        _richByWeight[ev.Weight[g]] += ev.Members[g];
                    }
                }

                ev.Price = (_profile.Costs[ev.Project] - _sum.Alpha()) / RichUtility(ev.Project);
                ev.ExactKnown = true;
            }

            return ev.Price;
        }

        /// <summary>Computes the exact price for the guessed split and checks every close call exactly.</summary>
        private bool ConfirmPrice(int c, Evaluation ev, Rational cost)
        {
            _sum.Clear();
            Array.Clear(_richByWeight);
            for (var g = 0; g < ev.Count; g++)
            {
                if (ev.Poor[g])
                {
                    _sum.Add(ev.Class[g], ev.Members[g]);
                }
                else
                {
                    _richByWeight[ev.Weight[g]] += ev.Members[g];
                }
            }

            var price = (cost - _sum.Alpha()) / RichUtility(c);
            if (price.Sign <= 0)
            {
                return false;
            }

            var priceApprox = price.ToDouble();
            for (var g = 0; g < ev.Count; g++)
            {
                var threshold = priceApprox * ev.UtilityApprox[g];
                var budget = ev.BudgetApprox[g];
                var tolerance = Tolerance(threshold);
                var poor = budget < threshold - tolerance
                    || (budget <= threshold + tolerance && _classes.Alpha(ev.Class[g]) < price * ev.Utility(g));
                if (poor != ev.Poor[g])
                {
                    return false;
                }
            }

            ev.Price = price;
            return true;
        }

        /// <summary>The reference algorithm, all in exact fractions: used when the double guess was not confirmed.</summary>
        private bool EvaluateExactly(int c, Evaluation ev, Rational cost)
        {
            _sum.Clear();
            Array.Clear(_richByWeight);
            for (var g = 0; g < ev.Count; g++)
            {
                ev.Poor[g] = false;
                _richByWeight[ev.Weight[g]] += ev.Members[g];
            }

            var richUtility = RichUtility(c);
            var price = cost / richUtility;
            while (true)
            {
                var changed = false;
                for (var g = 0; g < ev.Count; g++)
                {
                    if (!ev.Poor[g] && _classes.Alpha(ev.Class[g]) < price * ev.Utility(g))
                    {
                        ev.Poor[g] = true;
                        changed = true;
                        _sum.Add(ev.Class[g], ev.Members[g]);
                        _richByWeight[ev.Weight[g]] -= ev.Members[g];
                    }
                }

                if (!changed)
                {
                    ev.Price = price;
                    return true;
                }

                richUtility = RichUtility(c);
                if (richUtility.IsZero)
                {
                    ev.MoneyLeft = _sum.Alpha();
                    return false;
                }

                price = (cost - _sum.Alpha()) / richUtility;
            }
        }

        private EqualSharesRound Pay(int round, int project, Evaluation ev)
        {
            // Budgets' doubles must stay within ~1e-14 of their values, so they are derived from the exact price.
            ev.PriceApprox = ExactPrice(ev).ToDouble();
            var r = _classes.BeginRound(ev.Price, _engine._unit[project], ev.PriceApprox, _engine._unitApprox[project],
                out var payApprox);
            var transitions = _record ? new Dictionary<long, (Rational Payment, int NewClass)>(ev.Count) : null;
            var poorCount = 0;
            var maxUtility = Rational.Zero;
            var nextClass = _workspace.Count; // Group() leaves it all zeros; borrowed as key → new class map here
            for (var g = 0; g < ev.Count; g++)
            {
                var cls = ev.Class[g];
                int next;
                Rational payment = default;
                if (ev.Poor[g])
                {
                    next = BudgetClasses.Depleted;
                    poorCount += ev.Members[g];
                    if (_record)
                    {
                        payment = _classes.Alpha(cls);
                    }
                }
                else
                {
                    next = _classes.Child(cls, r, ev.Weight[g], payApprox[ev.Weight[g]]);
                    if (ev.Utility(g) > maxUtility)
                    {
                        maxUtility = ev.Utility(g);
                    }

                    if (_record)
                    {
                        payment = ev.Price * ev.Utility(g);
                    }
                }

                nextClass[ev.Key[g]] = next;
                transitions?.Add(ev.Key[g], (payment, next));
            }

            var supporters = _profile.SupportersOf(project);
            var weights = _profile.WeightsOf(project);
            var classOf = _classOf;
            var kinds = _kinds;
            for (var k = 0; k < supporters.Length; k++)
            {
                var v = supporters[k];
                classOf[v] = nextClass[(classOf[v] * kinds) + weights[k]];
            }

            for (var g = 0; g < ev.Count; g++)
            {
                nextClass[ev.Key[g]] = 0;
            }

            return new EqualSharesRound(round, project, ev.Price, ev.Price * maxUtility, supporters.Length, poorCount,
                transitions);
        }
    }

    /// <summary>Supporters of one project grouped by (budget class, weight), and the price found for it.</summary>
    private sealed class Evaluation
    {
        public int Count;
        public int[] Key = new int[16];
        public int[] Class = new int[16];
        public int[] Weight = new int[16];
        public int[] Members = new int[16];
        public double[] UtilityApprox = new double[16];

        /// <summary>Each group's budget as a double, read once per evaluation instead of once per look.</summary>
        public double[] BudgetApprox = new double[16];
        public bool[] Poor = new bool[16];

        /// <summary>The exact utility per weight kind of the project being evaluated (shared, not copied per group).</summary>
        public Rational[] UtilityByWeight = [];
        public int Project;

        /// <summary>The exact price; valid only when <see cref="ExactKnown"/>.</summary>
        public Rational Price;
        public bool ExactKnown;
        public double PriceApprox;
        public Rational? MoneyLeft;

        public Rational Utility(int group) => UtilityByWeight[Weight[group]];

        public void Reset(int project, Rational[] utilityByWeight)
        {
            Count = 0;
            Project = project;
            ExactKnown = false;
            UtilityByWeight = utilityByWeight;
        }

        public void Add(int key, int cls, int weight, int members, double utilityApprox, double budgetApprox)
        {
            if (Count == Key.Length)
            {
                var size = Count * 2;
                Array.Resize(ref Key, size);
                Array.Resize(ref Class, size);
                Array.Resize(ref Weight, size);
                Array.Resize(ref Members, size);
                Array.Resize(ref UtilityApprox, size);
                Array.Resize(ref BudgetApprox, size);
                Array.Resize(ref Poor, size);
            }

            Key[Count] = key;
            Class[Count] = cls;
            Weight[Count] = weight;
            Members[Count] = members;
            UtilityApprox[Count] = utilityApprox;
            BudgetApprox[Count] = budgetApprox;
            Poor[Count] = false;
            Count++;
        }
    }
}
