using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Equal Shares in plain doubles, for runs that only decide which projects are bought (add1's thousands of runs).
/// <para>
/// Every voter's budget is one double, and all of them lie within a proven distance δ of their exact values (δ grows
/// by a computed bound in every round). A decision (is a project affordable, which supporters pay all they have,
/// which project is cheapest) is taken only when it holds for every value within those bounds; when one does not, the
/// run gives up and returns null, and the caller runs the exact <see cref="EqualSharesEngine"/> instead. So a
/// selection it returns is the exact one. A tie between two projects, which exact arithmetic makes real, always
/// lands in that fallback, except between projects none of whose supporters runs out of money: their exact prices
/// are known without any budget (cost ÷ total utility) and are compared exactly here.
/// </para>
/// <para>
/// A run costs a small fraction of an exact one (on Mokotów 2024 ~0.2 ms against ~4 ms, on a quiet core) because
/// there is no fraction and no grouping of voters at all: a project is evaluated with vectorised passes over its
/// supporters' budgets (<see cref="SupporterPasses"/>), and projects wait in a priority queue ordered by a lower bound
/// of their price (a price only rises as budgets fall), so most rounds look at a handful of projects. A project that
/// cannot beat the current best is shown to be so by one pass at the best's price, without finding its own price.
/// </para>
/// <para>
/// Error bounds follow the textbook model: every operation rounds to nearest, so it errs by at most 2⁻⁵³ ≈ 1.1e-16
/// of its result, and a sum of k terms by at most k·2⁻⁵³ of the sum of their sizes; the code uses 2.3e-16 per
/// operation, twice that, and multiplies accumulated bounds by 1.01 for second-order terms. The bookkeeping of the
/// budgets' errors is in <see cref="Execution"/> (both the largest error and their sum are tracked), the checks in
/// its pricing part.
/// </para>
/// </summary>
internal sealed partial class EqualSharesInDoubles
{
    private const double Unit = 2.3e-16;

    private readonly SupportProfile _profile;
    private readonly int[] _tieRank;
    private readonly int[] _candidates;
    private readonly int[] _free;
    private readonly double[] _cost;
    private readonly double[] _costError;
    private readonly double[] _utility;       // per supporter entry: weight × unit of the project
    private readonly bool _uniform;           // one weight kind: every supporter of a project has the same utility
    private readonly double _utilityError;    // relative error of every utility double (0 when all are exact)
    private readonly double[] _totalUtility;
    private readonly double[] _totalUtilityError;
    private readonly double[] _maxUtility;
    private readonly double[] _initialLowerBound;
    private readonly Rational[] _allRichPrice;
    private readonly double[] _allRichPriceApprox; // within one unit in the last place of the exact price

    public EqualSharesInDoubles(SupportProfile profile, Utility utility, int[] tieRank, IReadOnlyList<int> candidates,
        IReadOnlyList<int> free)
    {
        _profile = profile;
        _tieRank = tieRank;
        _candidates = [.. candidates];
        _free = [.. free];
        var m = profile.ProjectCount;
        _cost = new double[m];
        _costError = new double[m];
        _totalUtility = new double[m];
        _totalUtilityError = new double[m];
        _maxUtility = new double[m];
        _initialLowerBound = new double[m];
        _allRichPrice = new Rational[m];
        _allRichPriceApprox = new double[m];
        _utility = new double[profile.Supporters.Length];
        _uniform = profile.WeightValues.Length == 1;
        var allExact = true;
        var exactUtility = new Rational[profile.WeightValues.Length];
        var utilityApprox = new double[profile.WeightValues.Length];
        for (var p = 0; p < m; p++)
        {
            var cost = profile.Costs[p];
            _cost[p] = cost.ToDouble();
            _costError[p] = ExactlyRepresentable(cost) ? 0 : Unit * _cost[p];
            var unit = utility == Utility.Cost ? cost : Rational.One;
            for (var w = 0; w < exactUtility.Length; w++)
            {
                exactUtility[w] = profile.WeightValues[w] * unit;
                utilityApprox[w] = exactUtility[w].ToDouble();
                allExact &= ExactlyRepresentable(exactUtility[w]);
            }

            var weights = profile.WeightsOf(p);
            var offset = profile.SupporterOffsets[p];
            var total = Rational.Zero;
            double totalApprox = 0, max = 0;
            var perWeight = new long[exactUtility.Length];
            for (var k = 0; k < weights.Length; k++)
            {
                var u = utilityApprox[weights[k]];
                _utility[offset + k] = u;
                totalApprox += u;
                max = Math.Max(max, u);
                perWeight[weights[k]]++;
            }

            for (var w = 0; w < perWeight.Length; w++)
            {
                total += perWeight[w] * exactUtility[w];
            }

            _totalUtility[p] = totalApprox;
            _totalUtilityError[p] = (weights.Length + 2) * Unit * totalApprox;
            _maxUtility[p] = max;
            if (!total.IsZero)
            {
                _allRichPrice[p] = cost / total;
                _allRichPriceApprox[p] = _allRichPrice[p].ToDouble();
                // Any positive lower bound will do; this one is far below the exact price (error ~1e-15).
                _initialLowerBound[p] = _allRichPrice[p].ToDouble() * (1 - 1e-9);
            }
        }

        _utilityError = allExact ? 0 : Unit;
    }

    private static bool ExactlyRepresentable(Rational value) =>
        value.IsInteger && value.Numerator >= -(1L << 53) && value.Numerator <= (1L << 53);

    /// <summary>The projects Equal Shares buys with <paramref name="endowment"/> per voter; null when some decision was
    /// too close to call in doubles (then only exact arithmetic can decide).</summary>
    public DoublesRun? TryRun(Rational endowment) => Execute(endowment, null);

    /// <summary>
    /// Runs Equal Shares with <paramref name="endowment"/> per voter, larger than <paramref name="earlier"/>'s, and tries
    /// to prove on the way that every endowment in between buys exactly what <paramref name="earlier"/> bought, in the
    /// same order (<see cref="DoublesRun.Proven"/>). The proof is that of <see cref="EqualSharesEngine.Confirms"/>:
    /// with the purchases fixed, a larger endowment leaves everybody at least as much money in every round, so prices
    /// only fall as the endowment grows; if at the larger endowment no competitor is even as cheap as the bought project
    /// was at the smaller one, no endowment in between can prefer a competitor. Where the proof fails, in round r, the
    /// rounds before r are still what Equal Shares does at the larger endowment, so the run simply goes on from there:
    /// it never costs more than a run, and a failed proof one step ahead is the next step's run.
    /// </summary>
    public DoublesRun? TryConfirm(DoublesRun earlier, Rational endowment) => Execute(endowment, earlier);

    private DoublesRun? Execute(Rational endowment, DoublesRun? earlier)
    {
        var workspace = Interlocked.Exchange(ref _spare, null) ?? new Workspace(_profile);
        try
        {
            return new Execution(this, workspace, endowment, earlier).Run();
        }
        finally
        {
            Volatile.Write(ref _spare, workspace);
        }
    }

    // One spare workspace, as in the exact engine: add1 runs thousands of times in a row on one thread, while the
    // engine is shared between threads through the per-election cache.
    private Workspace? _spare;

    // Kept from run to run: budgets, lower bounds and the queue are all sized by voters or projects.
    private sealed class Workspace(SupportProfile profile)
    {
        public double[] Budget { get; } = new double[profile.VoterCount];

        public double[] LowerBound { get; } = new double[profile.ProjectCount];

        public PriorityQueue<int, double> Queue { get; } = new(profile.ProjectCount);

        public List<int> Deferred { get; } = [];

        public bool[] Bought { get; } = new bool[profile.ProjectCount];

        /// <summary>Projects shown unaffordable by the earlier run's drops, without a pass (see DearerEvidence.Drops).</summary>
        public bool[] Dropped { get; } = new bool[profile.ProjectCount];
    }

    /// <summary>A project's price found by water-filling and confirmed: exact price within [Low, High].</summary>
    /// <param name="Split">The trial price that separated those who pay all they have (budget below Split × utility).</param>
    /// <param name="FromBudgets">The part of the price's error bound that comes from the budgets' errors.</param>
    /// <param name="Rich">Utility of the supporters who pay the price (the others pay all they have).</param>
    private readonly record struct Price(double Split, double Value, double Low, double High, bool AllRich,
        double FromBudgets, double Rich, int Payers);

    private enum Verdict
    {
        Priced,
        Unaffordable,

        /// <summary>Doubles cannot decide: the run gives up.</summary>
        Unclear,

        /// <summary>A round of a proof found a competitor that may be as cheap: the proof fails there.</summary>
        NotProven,
    }
}
