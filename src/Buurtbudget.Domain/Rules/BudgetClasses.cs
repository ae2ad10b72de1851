using System.Numerics;
using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Rules;

/// <summary>
/// Voters' remaining budgets during one Equal Shares run, shared by all voters with the same history.
/// <para>
/// A voter either paid everything they had at some point (budget 0, the "depleted" class) or paid exactly
/// ρᵣ·uᵣ in every round r whose project they support. So a budget is E − Σ ρᵣ·uᵣ over a short chain of rounds
/// (at most the ballot's length), and the exact sum over any set of voters needs only per-round counts:
/// n·E − Σᵣ ρᵣ·(Σ of their utilities in round r). Per class we keep a double for quick, safely-margined
/// comparisons and compute the exact value only when a comparison is close.
/// </para>
/// </summary>
internal sealed class BudgetClasses
{
    public const int Root = 0;
    public const int Depleted = 1;

    private readonly int _weightKinds;
    private readonly Rational[] _weightValues;

    private int[] _parent = new int[1024];
    private int[] _round = new int[1024];
    private int[] _weight = new int[1024];
    private double[] _alphaApprox = new double[1024];
    private Rational?[] _alpha = new Rational?[1024];

    // Per round and weight kind: what a voter paying in full paid (price·unit·weight), kept as integer
    // numerators over one common denominator, so that sums over many voters are integer multiply-adds and
    // only the final result is reduced.
    private CommonDenominator _paid;

    public BudgetClasses(Rational endowment, Rational[] weightValues)
    {
        _weightValues = weightValues;
        _weightKinds = weightValues.Length;
        _paid = Reset(endowment);
    }

    /// <summary>Starts afresh with everybody in the root class, keeping the arrays (they grow to ~2 per voter on
    /// district data, and regrowing them every run costs more than the run's arithmetic).</summary>
    public CommonDenominator Reset(Rational endowment)
    {
        Count = 2;
        _parent[Root] = -1;
        _alpha[Root] = endowment;
        _alphaApprox[Root] = endowment.ToDouble();
        _paid = new CommonDenominator(endowment, _weightKinds);
        _parent[Depleted] = -1;
        _alpha[Depleted] = Rational.Zero;
        return _paid;
    }

    public int Count { get; private set; }

    public int Rounds => _paid.Rounds;

    /// <summary>Scale of budgets, for absolute error margins of the double approximations.</summary>
    public double Scale => Math.Max(1.0, _alphaApprox[Root]);

    public double AlphaApprox(int cls) => _alphaApprox[cls];

    public Rational Alpha(int cls) => _alpha[cls] ??= Chain(cls, _paid);

    private Rational Chain(int cls, CommonDenominator paid)
    {
        var numerator = paid.RootNumerator;
        for (var c = cls; _parent[c] >= 0; c = _parent[c])
        {
            numerator -= paid.Numerator(_round[c], _weight[c]);
        }

        return Rational.Of(numerator, paid.Denominator);
    }

    /// <summary>Starts a round in which everybody paying in full pays price·unit·weight.</summary>
    public int BeginRound(Rational price, Rational unit, double priceApprox, double unitApprox, out double[] payApprox)
    {
        var pay = new Rational[_weightKinds];
        payApprox = new double[_weightKinds];
        for (var w = 0; w < _weightKinds; w++)
        {
            pay[w] = price * unit * _weightValues[w];
            payApprox[w] = priceApprox * unitApprox * _weightValues[w].ToDouble();
        }

        _paid.Add(pay);
        return _paid.Rounds - 1;
    }

    /// <summary>The class of voters from <paramref name="parent"/> who paid in full in <paramref name="round"/>.</summary>
    public int Child(int parent, int round, int weight, double payApprox)
    {
        if (Count == _parent.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _parent, size);
            Array.Resize(ref _round, size);
            Array.Resize(ref _weight, size);
            Array.Resize(ref _alphaApprox, size);
            Array.Resize(ref _alpha, size);
        }

        var id = Count++;
        _parent[id] = parent;
        _round[id] = round;
        _weight[id] = weight;
        _alphaApprox[id] = _alphaApprox[parent] - payApprox;
        _alpha[id] = null;
        return id;
    }

    /// <summary>Exact Σ members·budget over a set of classes, using per-round counts.</summary>
    public sealed class Sum(BudgetClasses classes)
    {
        private long[] _perRoundWeight = new long[64];
        private readonly List<int> _touched = [];
        private long _live;

        public void Clear()
        {
            foreach (var i in _touched)
            {
                _perRoundWeight[i] = 0;
            }

            _touched.Clear();
            _live = 0;
        }

        public void Add(int cls, long members)
        {
            if (cls == Depleted)
            {
                return;
            }

            _live += members;
            var kinds = classes._weightKinds;
            for (var c = cls; classes._parent[c] >= 0; c = classes._parent[c])
            {
                var slot = (classes._round[c] * kinds) + classes._weight[c];
                if (slot >= _perRoundWeight.Length)
                {
                    Array.Resize(ref _perRoundWeight, Math.Max(slot + 1, _perRoundWeight.Length * 2));
                }

                if (_perRoundWeight[slot] == 0)
                {
                    _touched.Add(slot);
                }

                _perRoundWeight[slot] += members;
            }
        }

        public Rational Alpha() => Total(classes._paid);

        private Rational Total(CommonDenominator paid)
        {
            var numerator = _live * paid.RootNumerator;
            var kinds = classes._weightKinds;
            foreach (var slot in _touched)
            {
                var count = _perRoundWeight[slot];
                if (count != 0)
                {
                    numerator -= count * paid.Numerator(slot / kinds, slot % kinds);
                }
            }

            return Rational.Of(numerator, paid.Denominator);
        }
    }

    /// <summary>A root amount minus per-round payments, all as integers over one shared denominator.</summary>
    public sealed class CommonDenominator(Rational root, int kinds)
    {
        private readonly List<BigInteger[]> _numerators = [];

        public BigInteger Denominator { get; private set; } = root.Denominator;

        public BigInteger RootNumerator { get; private set; } = root.Numerator;

        public int Rounds => _numerators.Count;

        public BigInteger Numerator(int round, int kind) => _numerators[round][kind];

        public void Add(Rational[] perKind)
        {
            foreach (var amount in perKind)
            {
                var denominator = amount.Denominator;
                var remainder = BigInteger.Remainder(Denominator, denominator);
                if (!remainder.IsZero)
                {
                    // Grow the shared denominator to the least common multiple and rescale what we have.
                    var factor = denominator / BigInteger.GreatestCommonDivisor(Denominator, denominator);
                    Denominator *= factor;
                    RootNumerator *= factor;
                    foreach (var row in _numerators)
                    {
                        for (var k = 0; k < row.Length; k++)
                        {
                            row[k] *= factor;
                        }
                    }
                }
            }

            var numerators = new BigInteger[kinds];
            for (var k = 0; k < kinds; k++)
            {
                numerators[k] = perKind[k].Numerator * (Denominator / perKind[k].Denominator);
            }

            _numerators.Add(numerators);
        }
    }
}
