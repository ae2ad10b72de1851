using System.Numerics;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// Exact sums of decimals. Adding decimals can silently round (1e28 + 0.1 == 1e28) or overflow, and a
/// ballot's total decides whether it is accepted, so totals are kept as whole multiples of 10^-28 (the
/// finest step a decimal has) in a <see cref="BigInteger"/>.
/// </summary>
internal static class ExactAmount
{
    private const int _finestScale = 28;
    private const decimal _unitsPerOne = 1e28m;
    private static readonly BigInteger[] _powersOfTen = [.. Enumerable.Range(0, _finestScale + 1).Select(n => BigInteger.Pow(10, n))];
    private static readonly BigInteger _maxWhole = new(decimal.MaxValue);

    public static BigInteger ToUnits(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0])
            | (new BigInteger((uint)bits[1]) << 32)
            | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        var units = mantissa * _powersOfTen[_finestScale - scale];
        return bits[3] < 0 ? -units : units;
    }

    public static BigInteger Sum(IEnumerable<decimal> values)
    {
        var total = BigInteger.Zero;
        foreach (var value in values)
        {
            total += ToUnits(value);
        }

        return total;
    }

    public static decimal Difference(decimal larger, decimal smaller) =>
        ToDecimal(ToUnits(larger) - ToUnits(smaller));

    /// <summary>Back to a decimal for reporting: rounded to the nearest decimal when too precise, and
    /// clamped to decimal's range when too large (only absurd inputs get there; the verdict itself never
    /// depends on this conversion).</summary>
    public static decimal ToDecimal(BigInteger units)
    {
        var whole = BigInteger.DivRem(units, _powersOfTen[_finestScale], out var fraction);
        if (whole >= _maxWhole)
        {
            return decimal.MaxValue;
        }

        if (whole <= -_maxWhole)
        {
            return decimal.MinValue;
        }

        // The fraction has at most 28 digits after the point, so the division is exact; only the final
        // addition can round, and then to the nearest decimal.
        return (decimal)whole + ((decimal)fraction / _unitsPerOne);
    }
}
